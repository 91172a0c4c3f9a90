import Billing
import X12

/// Turns 999 and 277CA acknowledgments into claim commands. Pure: claims come from the caller's lookup and
/// each command is tried against the claim (and the state earlier commands of the same file produce), so a
/// second acknowledgment of a claim is noted rather than applied twice. Reject messages hold codes only.
public enum AcknowledgmentPosting {
    /// The 999 plan: each AK2 matched to a manifest by GS06 (AK102) and ST02 (AK202); the claims of a
    /// rejected set (IK5 `R`, `M`, `W`, `X`) get `.reject(category: "999", statusCode: IK501, message: codes)`.
    public static func plan(
        _ ack: ImplementationAcknowledgment, submissions: [SubmissionManifest], receivedOn date: LocalDate,
        claim lookup: (ClaimNumber) -> Claim.State?
    ) -> ImplementationAcknowledgmentPlan {
        var sets: [ImplementationAcknowledgmentPlan.SetOutcome] = []
        var commands: [AcknowledgmentCommand] = []
        var notes: [AcknowledgmentNote] = []
        var states: [ClaimNumber: Claim.State] = [:]
        for set in ack.transactionSets {
            let manifest = submissions.first {
                String($0.groupControlNumber) == ack.groupControlNumber.trimmingLeadingZeros
                    && $0.transactionControlNumber == set.controlNumber
            }
            let errors = errorCodes(set)
            sets.append(
                .init(
                    groupControlNumber: ack.groupControlNumber, transactionControlNumber: set.controlNumber,
                    result: set.result, accepted: set.isAccepted, errors: errors,
                    claimNumbers: manifest?.claimNumbers ?? [], matched: manifest != nil))
            guard !set.isAccepted, let manifest else { continue }
            let message = (["IK5 \(([set.result] + set.errorCodes).joined(separator: " "))"] + errors)
                .joined(separator: "; ")
            for text in manifest.claimNumbers {
                let key = "999|\(ack.controlNumber)|\(ack.groupControlNumber)|\(set.controlNumber)|\(text)"
                let codes = "999 \(set.result)"
                guard let number = ClaimNumber(text), let state = states[number] ?? lookup(number),
                    let claimID = state.claimID
                else {
                    notes.append(.init(claimNumber: text, codes: codes, reason: "unknown claim", dedupeKey: key))
                    continue
                }
                let command = Claim.Command.reject(category: "999", statusCode: set.result, message: message, on: date)
                apply(command, number, claimID, key, codes, state, &states, &commands, &notes)
            }
        }
        return ImplementationAcknowledgmentPlan(
            sets: sets, commands: commands, notes: notes, groupResult: ack.groupResult.code)
    }

    /// The 277CA plan: per claim (TRN*2 = CLM01), a rejection category (A3, A4, A6, A7, A8) →
    /// `.reject(category:statusCode:message:)`; A1/A2 → `.acknowledge(payerClaimNumber: REF*1K)`; other
    /// categories (pending, finalized, errors) are noted. A claim named several times in one file is decided
    /// once; a claim already acknowledged (an earlier file, or the same file again) is noted, not applied.
    public static func plan(
        _ ack: ClaimAcknowledgment, receivedOn date: LocalDate, claim lookup: (ClaimNumber) -> Claim.State?
    ) -> ClaimAcknowledgmentPlan {
        var commands: [AcknowledgmentCommand] = []
        var notes: [AcknowledgmentNote] = []
        var states: [ClaimNumber: Claim.State] = [:]
        for status in merged(ack.claims) {
            let codes = status.statuses.map { composite($0) }.joined(separator: " ")
            let key = "277CA|\(ack.reference)|\(ack.controlNumber)|\(status.claimNumber)|\(codes)"
            guard let number = ClaimNumber(status.claimNumber), let state = states[number] ?? lookup(number),
                let claimID = state.claimID
            else {
                notes.append(
                    .init(claimNumber: status.claimNumber, codes: codes, reason: "unknown claim", dedupeKey: key))
                continue
            }
            let command: Claim.Command
            if let rejection = status.statuses.first(where: \.isRejection) {
                let message = status.statuses.filter(\.isRejection).map { info in
                    ([composite(info)] + info.additional.map { $0.joined(separator: ":") }).joined(separator: " ")
                }.joined(separator: "; ")
                command = .reject(
                    category: rejection.category, statusCode: rejection.code, message: "STC \(message)", on: date)
            } else if status.statuses.contains(where: \.isAcceptance) {
                command = .acknowledge(payerClaimNumber: status.payerClaimNumber, on: date)
            } else {
                notes.append(
                    .init(
                        claimNumber: status.claimNumber, codes: codes, reason: "status is not an action", dedupeKey: key
                    ))
                continue
            }
            apply(command, number, claimID, key, codes, state, &states, &commands, &notes)
        }
        return ClaimAcknowledgmentPlan(
            reference: ack.reference, batchReferences: ack.receivers.compactMap(\.entity.trace), commands: commands,
            notes: notes)
    }

    /// The statuses of one file merged per claim, in order of first appearance: a claim named twice (A1 then
    /// A2) is decided once, with every status and the first payer claim number.
    static func merged(_ claims: [ClaimStatus]) -> [ClaimStatus] {
        var result: [ClaimStatus] = []
        var index: [String: Int] = [:]
        for claim in claims {
            if let at = index[claim.claimNumber] {
                result[at].statuses += claim.statuses
                result[at].payerClaimNumber = result[at].payerClaimNumber ?? claim.payerClaimNumber
            } else {
                index[claim.claimNumber] = result.count
                result.append(claim)
            }
        }
        return result
    }

    /// Tries `command` on the claim; a refusal (e.g. already acknowledged) becomes a note.
    private static func apply(
        _ command: Claim.Command, _ number: ClaimNumber, _ claimID: ClaimID, _ key: String, _ codes: String,
        _ state: Claim.State, _ states: inout [ClaimNumber: Claim.State], _ commands: inout [AcknowledgmentCommand],
        _ notes: inout [AcknowledgmentNote]
    ) {
        do {
            let events = try Claim.decide(command, state)
            states[number] = Claim.replay(events, from: state)
            commands.append(.init(claimID: claimID, claimNumber: number, command: command, dedupeKey: key))
        } catch {
            notes.append(.init(claimNumber: number.rawValue, codes: codes, reason: error.description, dedupeKey: key))
        }
    }

    /// `A7:562:85`.
    static func composite(_ info: StatusInfo) -> String {
        ([info.category, info.code] + (info.entity.map { [$0] } ?? [])).joined(separator: ":")
    }

    /// IK3 and IK4 as codes: `IK3 CLM 14 2300 8`, `IK4 2 1028 7` (the bad value is left out: it may be PHI).
    static func errorCodes(_ set: ImplementationAcknowledgment.SetResponse) -> [String] {
        set.segmentErrors.flatMap { error in
            ["IK3 \([error.segmentID, String(error.position), error.loopID ?? "", error.code].joined(separator: " "))"]
                + error.elementErrors.map { element in
                    let position = [String(element.position), element.componentPosition.map(String.init)]
                        .compactMap { $0 }.joined(separator: ":")
                    return "IK4 \([position, element.elementReference ?? "", element.code].joined(separator: " "))"
                }
        }
    }
}

extension String {
    /// The text without leading zeros (`"000000012"` → `"12"`; `"0"` stays).
    var trimmingLeadingZeros: String {
        let trimmed = drop { $0 == "0" }
        return trimmed.isEmpty ? (isEmpty ? "" : "0") : String(trimmed)
    }
}
