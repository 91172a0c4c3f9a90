import Application
import Billing
import Foundation
import HTTPTypes
import Hummingbird

/// Remittances (835 payments): the list, one trace's payments, and an 835 upload (`application/edi-x12`
/// or `text/plain` body, at most 4 MiB); each payment posts in its own transaction.
struct RemittanceRoutes {
    let core: RevenueCycle

    func add(to routes: RouteTable) {
        routes.add(.get, "/practices/{practice}/remittances") { request, context in
            let principal = try context.require(.read)
            let acting = try core.acting(as: principal.role)
            let practice = try await Wire.practice(context, core: acting)
            let payments = try await acting.remittances(tenant: practice.id.description)
            let page = try Page(Array(payments.enumerated()), key: { Self.orderKey($0.element, $0.offset) }, request: request)
            return JSONResponse.make(page.json("remittances") { Self.summary($0.element) })
        }
        routes.add(.get, "/practices/{practice}/remittances/{trace}") { _, context in
            let principal = try context.require(.read)
            let acting = try core.acting(as: principal.role)
            let practice = try await Wire.practice(context, core: acting)
            let trace = try Wire.parameter("trace", context, maxLength: 50)
            let payments = try await acting.remittances(tenant: practice.id.description).filter { $0.ledger.received?.traceNumber == trace }
            guard !payments.isEmpty else { throw Problem.notFound("remittance \(trace)") }
            return JSONResponse.make(["remittances": payments.map(Self.summary)])
        }
        routes.add(.post, "/practices/{practice}/remittances") { request, context in
            let principal = try context.require(.importRemittances)
            let acting = try core.acting(as: principal.role)
            let practice = try await Wire.practice(context, core: acting)
            var request = request
            let buffer = try await request.collectBody(upTo: context.maxUploadSize)
            let bytes = Array(buffer.readableBytesView)
            guard bytes.starts(with: Array("ISA".utf8)) else {
                throw Problem.invalid("body", "x12", "the body must be an X12 835 interchange starting with ISA")
            }
            let outcomes = try await acting.importRemittance(
                X12Upload(bytes: bytes, fileName: "api-upload.835"), tenant: practice.id.description, acceptImbalance: false, reason: nil)
            if outcomes.contains(where: { $0.status == .posted }) { AppendMetrics.record("remittance") }
            return JSONResponse.make(
                [
                    "payments": outcomes.map { outcome -> [String: Any] in
                        [
                            "status": String(describing: outcome.status), "transactionControlNumber": outcome.transactionControlNumber,
                            "claimsPosted": outcome.claimsPosted, "denialsOpened": outcome.denialsOpened,
                            "unapplied": outcome.unapplied.count, "message": outcome.message ?? NSNull(),
                        ]
                    }
                ], status: .created)
        }
    }

    /// Payment date, trace number, payer, then the list's own order: stable as payments are added.
    static func orderKey(_ payment: PaymentReconciliation, _ offset: Int) -> String {
        let received = payment.ledger.received
        return "\(received?.paymentDate?.description ?? "0000-00-00")|\(received?.traceNumber ?? "")|\(received?.payerID.rawValue ?? "")|\(String(format: "%06d", offset))"
    }

    static func summary(_ payment: PaymentReconciliation) -> [String: Any] {
        let ledger = payment.ledger
        return [
            "traceNumber": ledger.received?.traceNumber ?? "",
            "payerID": ledger.received?.payerID.rawValue ?? "",
            "amount": Wire.money(ledger.statedAmount),
            "postedToClaims": Wire.money(ledger.postedToClaims),
            "paymentDate": ledger.received?.paymentDate?.description ?? NSNull(),
            "balanced": ledger.received?.balanced ?? false,
            "claims": ledger.received?.claims ?? 0,
        ]
    }
}
