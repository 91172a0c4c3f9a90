import Application
import Billing
import Foundation
import Hummingbird

/// A practice's providers: the list (id order), one provider, and a new one by POST (as `rcm provider add`).
struct ProviderRoutes {
    let core: RevenueCycle
    static let fields: Set<String> = ["providerID", "firstName", "lastName", "credentials", "npi", "taxonomy", "licence", "supervisor"]

    func add(to routes: RouteTable) {
        routes.add(.get, "/practices/{practice}/providers") { _, context in
            let principal = try context.require(.read)
            let acting = try core.acting(as: principal.role)
            let practice = try await Wire.practice(context, core: acting)
            let directory = try await acting.practiceDirectory(tenant: practice.id.description)
            let providers = directory.practice.providers.values.sorted { $0.id.rawValue < $1.id.rawValue }
            return JSONResponse.make(["providers": providers.map { Self.json($0, directory.profiles[$0.id.rawValue]) }])
        }
        routes.add(.get, "/practices/{practice}/providers/{provider}") { _, context in
            let principal = try context.require(.read)
            let acting = try core.acting(as: principal.role)
            let practice = try await Wire.practice(context, core: acting)
            let id = try Wire.parameter("provider", context, maxLength: 64)
            let directory = try await acting.practiceDirectory(tenant: practice.id.description)
            guard let provider = directory.practice.providers[ProviderID(id)] else { throw Problem.notFound("provider \(id)") }
            return JSONResponse.make(Self.json(provider, directory.profiles[id]))
        }
        routes.add(.post, "/practices/{practice}/providers") { request, context in
            let principal = try context.require(.writePatients)
            let acting = try core.acting(as: principal.role)
            let practice = try await Wire.practice(context, core: acting)
            _ = try IdempotencyMiddleware.required(request)
            let body = try await JSONObject.read(request, context: context, allowed: Self.fields)
            let id = try body.string("providerID", maxLength: 64)
            let npi = try body.string("npi", maxLength: 10)
            guard npi.count == 10, npi.allSatisfy(\.isNumber) else { throw Problem.invalid("npi", "format", "npi is ten digits") }
            let provider = Provider(
                id: ProviderID(id), npi: npi, taxonomy: try body.string("taxonomy", maxLength: 10), licence: try body.enumeration("licence", LicenceLevel.self),
                supervisor: try body.optionalString("supervisor", maxLength: 64).map { ProviderID($0) })
            let profile = ProviderProfile(
                providerID: id, firstName: try body.string("firstName", maxLength: 35), lastName: try body.string("lastName", maxLength: 60),
                credentials: try body.optionalString("credentials", maxLength: 20) ?? "")
            try await acting.addProvider(provider, profile: profile, tenant: practice.id.description)
            return JSONResponse.make(Self.json(provider, profile), status: .created)
        }
    }

    static func json(_ provider: Provider, _ profile: ProviderProfile?) -> [String: Any] {
        [
            "providerID": provider.id.rawValue, "npi": provider.npi, "taxonomy": provider.taxonomy, "licence": provider.licence.rawValue,
            "supervisor": provider.supervisor?.rawValue ?? NSNull(), "firstName": profile?.firstName ?? NSNull(),
            "lastName": profile?.lastName ?? NSNull(), "credentials": profile?.credentials ?? NSNull(),
        ]
    }
}
