import Application
import Foundation
import Hummingbird

/// `POST /practices/{practice}/acknowledgments`: a 999 (transaction sets accepted or rejected) or a 277CA
/// (claims accepted or rejected), as `rcm ack import`; each acknowledgment counts once.
struct AcknowledgmentRoutes {
    let core: RevenueCycle

    func add(to routes: RouteTable) {
        routes.add(.post, "/practices/{practice}/acknowledgments") { request, context in
            let principal = try context.require(.importFiles)
            let acting = try core.acting(as: principal.role)
            let practice = try await Wire.practice(context, core: acting)
            let bytes = try await Wire.x12(request, context: context, kind: "999 or 277CA")
            let outcome = try await acting.importAcknowledgment(X12Upload(bytes: bytes, fileName: "api-upload.ack"), tenant: practice.id.description)
            AppendMetrics.record("acknowledgment")
            return JSONResponse.make(
                [
                    "kind": outcome.isImplementationAcknowledgment ? "999" : "277CA", "acceptedSets": outcome.acceptedSets,
                    "rejectedSets": outcome.rejectedSets, "claimsAccepted": outcome.accepted, "claimsRejected": outcome.rejected,
                    "repeated": outcome.repeated, "notOurs": outcome.unknown.count,
                ], status: .created)
        }
    }
}
