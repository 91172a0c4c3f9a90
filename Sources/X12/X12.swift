/// X12 5010 reading and writing. Pure: no SQL, no billing types.
public enum X12Module {}
