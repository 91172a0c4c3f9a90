/// Projections: analyst tables, reports and the audit trail, rebuilt from the log.
public enum ProjectionsModule {}
