import Application
import Billing
import Foundation
import Hummingbird

/// Submissions: the practice's 837P batches (id = the file's SHA-256), listed in control-number order with
/// cursor pagination, one batch, and its file (the read recorded in the access log: the file names patients).
struct SubmissionRoutes {
    let core: RevenueCycle

    func add(to routes: RouteTable) {
        routes.add(.get, "/practices/{practice}/submissions") { request, context in
            let principal = try context.require(.read)
            let acting = try core.acting(as: principal.role)
            let practice = try await Wire.practice(context, core: acting)
            let batches = try await acting.submissions(tenant: practice.id.description)
            let page = try Page(batches, key: Self.orderKey, request: request)
            return JSONResponse.make(page.json("submissions", Self.summary))
        }
        routes.add(.get, "/practices/{practice}/submissions/{submission}") { _, context in
            let principal = try context.require(.read)
            let acting = try core.acting(as: principal.role)
            let practice = try await Wire.practice(context, core: acting)
            let id = try Wire.parameter("submission", context, maxLength: 64)
            guard let batch = try await acting.submissions(tenant: practice.id.description).first(where: { $0.sha256 == id }) else {
                throw Problem.notFound("submission \(id)")
            }
            return JSONResponse.make(Self.summary(batch))
        }
        routes.add(.get, "/practices/{practice}/submissions/{submission}/file") { _, context in
            let principal = try context.require(.readIdentity)
            let acting = try core.acting(as: principal.role)
            let practice = try await Wire.practice(context, core: acting)
            let id = try Wire.parameter("submission", context, maxLength: 64)
            let file = try await acting.submissionFile(sha256: id, tenant: practice.id.description, purpose: "api: 837P download")
            var response = JSONResponse.text(String(decoding: file.bytes, as: UTF8.self), contentType: "application/edi-x12")
            response.headers[.contentDisposition] = "attachment; filename=\"\(file.record.fileName)\""
            response.headers[.cacheControl] = "no-store"
            return response
        }
    }

    /// Control-number order, fixed width so text order is number order.
    static func orderKey(_ batch: InterchangeRecord) -> String {
        String(format: "%012d", batch.manifest.interchangeControlNumber) + batch.sha256
    }

    static func summary(_ batch: InterchangeRecord) -> [String: Any] {
        [
            "submissionID": batch.sha256, "fileName": batch.fileName, "payerID": batch.manifest.payerID,
            "interchangeControlNumber": batch.manifest.interchangeControlNumber, "batchReference": batch.manifest.batchReference,
            "claimNumbers": batch.manifest.claimNumbers,
        ]
    }
}
