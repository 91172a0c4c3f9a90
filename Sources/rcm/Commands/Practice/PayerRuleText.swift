import Billing

/// A payer rule in one line, as `payer rules set` and `payer rules show` print it.
enum PayerRuleText {
    /// Filing, authorization, telehealth, windows, carve-out and copay.
    static func summary(_ rule: PayerRule) -> String {
        let authorization =
            !rule.authorizationRequired
            ? "none" : rule.authorizationCodes.isEmpty ? "every code" : rule.authorizationCodes.sorted().joined(separator: ",")
        let modifiers = rule.telehealthModifiers.isEmpty ? "none" : rule.telehealthModifiers.sorted().joined(separator: ",")
        return [
            "filing \(rule.timelyFilingDays) days (warn \(rule.timelyFilingMarginDays) before)",
            "authorization \(authorization)",
            "telehealth POS \(rule.telehealthPlaces.sorted().joined(separator: ",")) modifiers \(modifiers)",
            "audio-only \(rule.audioOnlyAllowed ? "allowed" : "not allowed")",
            "corrected claims \(rule.correctedClaimDays) days", "appeals \(rule.appealDays) days",
            rule.behavioralCarveOut ? "carve-out" : nil, rule.copay.map { "copay \($0)" },
        ].compactMap { $0 }.joined(separator: "; ")
    }
}
