import Billing
import EventStore
import Foundation

/// One service line as a biller corrects it from the claim (the console's claim page): each field given
/// replaces the session's value, nil keeps it.
public struct LineCorrection: Sendable {
    /// The claim's line.
    public var line: LineID
    /// The CPT or HCPCS code.
    public var code: String?
    /// The units.
    public var units: Quantity?
    /// The charge.
    public var charge: Money?
    /// The diagnosis pointers (1-based into the session's diagnoses).
    public var diagnosisPointers: [Int]?
    /// The session's place of service.
    public var placeOfService: String?

    /// A correction of `line`.
    public init(
        line: LineID, code: String? = nil, units: Quantity? = nil, charge: Money? = nil, diagnosisPointers: [Int]? = nil,
        placeOfService: String? = nil
    ) {
        self.line = line
        self.code = code
        self.units = units
        self.charge = charge
        self.diagnosisPointers = diagnosisPointers
        self.placeOfService = placeOfService
    }
}

extension RevenueCycle {
    /// Corrects one line of a claim the way `rcm session correct` then `rcm claims correct` do, in one
    /// transaction: the line's session is amended with the fields given, then the claim is corrected from its
    /// sessions (a replacement, frequency 7, once the payer adjudicated it). Refused as a whole, nothing
    /// written, when the claim's version is not `expected`, its status does not allow a correction, or the
    /// amended session is refused.
    public func correctClaimLine(_ id: ClaimID, _ correction: LineCorrection, reason: String, expected: Int64?, tenant: String) async throws -> VersionedClaim {
        try await inTenant(tenant, reason: reason) { tx, context in
            let current = try Self.claimVersion(id, context: context, in: tx)
            guard current > 0 else { throw NoSuchRecord() }
            if let expected, expected != current { throw StaleVersion(current: current, expected: expected) }
            let practice = try PracticeService().state(context, in: tx)
            let claims = ClaimService()
            let claim = try claims.state(id, context: context, in: tx)
            guard let line = claim.lines.first(where: { $0.lineID == correction.line }) else {
                throw CommandRejected("claim \(id) has no line \(correction.line)")
            }
            // The claim's lines of a session follow the session's lines in order (Claim.buildLines).
            let ofSession = claim.lines.filter { $0.sessionID == line.sessionID }
            var record = try SessionService().record(line.sessionID, context: context, in: tx)
            guard let index = ofSession.firstIndex(where: { $0.lineID == line.lineID }), index < record.lines.count else {
                throw CommandRejected("line \(correction.line) no longer matches its session \(line.sessionID); correct the session with rcm session correct")
            }
            if let code = correction.code { record.lines[index].code = code }
            if let units = correction.units { record.lines[index].units = units }
            if let charge = correction.charge { record.lines[index].charge = charge }
            if let pointers = correction.diagnosisPointers {
                guard !pointers.isEmpty, pointers.count <= 4, pointers.allSatisfy({ $0 >= 1 && $0 <= record.diagnoses.count }) else {
                    throw CommandRejected("diagnosis pointers are 1 to \(record.diagnoses.count) (the session's diagnoses)")
                }
                record.lines[index].diagnosisPointers = pointers
            }
            if let place = correction.placeOfService { record.placeOfService = place }
            try SessionService().correct(record, reason: reason, context: context, practice: practice, in: tx)
            let corrected = try claims.correct(id, reason: reason, practice: practice, context: context.withReason(reason), in: tx)
            return VersionedClaim(claim: corrected, version: try Self.claimVersion(id, context: context, in: tx))
        }
    }
}
