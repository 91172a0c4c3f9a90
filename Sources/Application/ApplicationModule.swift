/// The application layer: billing commands against the event store and the PHI store.
public enum ApplicationModule {}
