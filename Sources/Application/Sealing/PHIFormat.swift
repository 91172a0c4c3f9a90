/// How the PHI store writes records: sealed (the product), or in the clear format of the rows kept before
/// V0010, which the product still reads. Only the benchmark writes the clear format, as its baseline for the
/// cost of sealing (`Scripts/bench --only sealing`); it is reachable only through `@_spi(Benchmark)`.
public enum PHIFormat: Sendable {
    /// AES-256-GCM under the practice's data key, lookups by keyed hash (decision 0009).
    case sealed
    /// The format of the rows kept before V0010: clear columns and bytes, lookups by clear value. The benchmark's baseline only.
    case clearBaseline
}
