import Application
import Foundation
import Logging
import Metrics
import ServiceLifecycle

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The webhook delivery worker inside `rcm serve` (a swift-service-lifecycle service beside the HTTP
/// server): every `pollInterval`, and at once while there is more, one pass of `deliverWebhooks` on the
/// server's own core. All delivery state is in the database, so a restart (or a SIGKILL) resumes where the
/// record stands: an event whose answer was not recorded is sent again (at least once).
struct WebhookWorker: Service {
    let core: RevenueCycle
    let policy: WebhookRetryPolicy
    let logger: Logger
    var pollInterval: Duration = .milliseconds(250)

    func run() async throws {
        let session = URLSession(configuration: Self.configuration)
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                var more = false
                do {
                    let pass = try await core.deliverWebhooks(policy: policy) { request in await Self.send(request, with: session) }
                    WebhookMetrics.record(pass)
                    more = pass.more
                } catch is CancellationError {
                    return
                } catch {
                    logger.warning("webhook pass failed", metadata: ["error.type": "\(type(of: error))"])
                }
                if !more { try? await Task.sleep(for: pollInterval) }
            }
        }
    }

    static var configuration: URLSessionConfiguration {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 10
        configuration.httpShouldSetCookies = false
        return configuration
    }

    /// POSTs one delivery; the status, or the transport error's kind (never the body or the URL's query).
    static func send(_ delivery: WebhookRequest, with session: URLSession) async -> WebhookResponse {
        var request = URLRequest(url: delivery.url)
        request.httpMethod = "POST"
        request.httpBody = delivery.body
        for (name, value) in delivery.headers { request.setValue(value, forHTTPHeaderField: name) }
        do {
            let (_, response) = try await session.data(for: request)
            return WebhookResponse(statusCode: (response as? HTTPURLResponse)?.statusCode, error: nil)
        } catch {
            return WebhookResponse(statusCode: nil, error: "no answer (\((error as NSError).code))")
        }
    }
}

/// `rcm_webhook_deliveries_total{outcome="delivered|failed|parked"}`.
enum WebhookMetrics {
    static func record(_ pass: WebhookPass) {
        for (outcome, count) in [("delivered", pass.delivered), ("failed", pass.failed), ("parked", pass.parked)] where count > 0 {
            Counter(label: "rcm_webhook_deliveries_total", dimensions: [("outcome", outcome)]).increment(by: count)
        }
    }
}
