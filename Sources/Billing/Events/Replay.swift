extension Practice {
    /// Folds events into a state (replaying a stream).
    public static func replay(_ events: [Event], from state: State = initial) -> State { events.reduce(state, evolve) }
}

extension Patient {
    /// Folds events into a state (replaying a stream).
    public static func replay(_ events: [Event], from state: State = initial) -> State { events.reduce(state, evolve) }
}

extension Session {
    /// Folds events into a state (replaying a stream).
    public static func replay(_ events: [Event], from state: State = initial) -> State { events.reduce(state, evolve) }
}

extension Claim {
    /// Folds events into a state (replaying a stream).
    public static func replay(_ events: [Event], from state: State = initial) -> State { events.reduce(state, evolve) }
}

extension PatientAccount {
    /// Folds events into a state (replaying a stream).
    public static func replay(_ events: [Event], from state: State = initial) -> State { events.reduce(state, evolve) }
}
