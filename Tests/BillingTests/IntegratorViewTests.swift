import Billing
import Foundation
import Testing

/// What the events feed and webhooks show of the log (IntegratorView): decided for every declared type.
@Suite("integrator view of events")
struct IntegratorViewTests {
    @Test("every declared event type belongs to a shown or a withheld family; access and identity are withheld")
    func everyTypeDecided() {
        for type in BillingEvent.allEventTypes {
            let family = IntegratorView.family(of: type)
            #expect(IntegratorView.shownFamilies.contains(family) != IntegratorView.withheldFamilies.contains(family), "\(type)")
        }
        #expect(!IntegratorView.shows("access.phi_read") && !IntegratorView.shows("identity.signed_in"))
        #expect(!IntegratorView.shows("patient.substance_use_flagged"))
        #expect(IntegratorView.shows("session.logged") && IntegratorView.shows("claim.created"))
        #expect(IntegratorView.shownEventTypes.count < BillingEvent.allEventTypes.count)
    }

    @Test("every sample event's payload, as shown, keeps its other keys and holds no withheld key at any depth")
    func payloadsRedacted() throws {
        var removedSomewhere = false
        for event in try SampleEvents.all() where IntegratorView.shows(event.eventType) {
            let encoded = try EventCodec().encode(event)
            let payload = try JSONSerialization.jsonObject(with: encoded.payload)
            let shown = IntegratorView.redact(payload)
            #expect(Self.keys(of: shown).isDisjoint(with: IntegratorView.withheldKeys), "\(event.eventType)")
            #expect(Self.keys(of: shown) == Self.keys(of: payload).subtracting(IntegratorView.withheldKeys), "\(event.eventType)")
            if Self.keys(of: payload).contains("diagnoses") { removedSomewhere = true }
        }
        #expect(removedSomewhere, "the samples include a session's diagnoses, which the view removes")
    }

    /// Every key of a JSON value, at any depth (a key under a withheld key is not reached).
    static func keys(of value: Any) -> Set<String> {
        if let object = value as? [String: Any] {
            return object.reduce(into: Set(object.keys)) { keys, entry in
                if !IntegratorView.withheldKeys.contains(entry.key) { keys.formUnion(self.keys(of: entry.value)) }
            }
        }
        if let array = value as? [Any] { return array.reduce(into: Set<String>()) { $0.formUnion(keys(of: $1)) } }
        return []
    }
}
