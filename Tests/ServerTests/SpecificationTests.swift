import Foundation
import Server
import Testing

/// docs/openapi.yaml is hand-written; the router is the truth. They must list the same routes.
@Suite("The OpenAPI description and the router")
struct SpecificationTests {
    /// `METHOD /path` of every operation under `paths:`, read from the YAML's indentation (two spaces for a
    /// path, four for a method), which is how docs/openapi.yaml is written.
    static func operations(in yaml: String) -> Set<String> {
        var operations = Set<String>()
        var inPaths = false
        var path: String?
        let methods: Set<String> = ["get", "post", "put", "patch", "delete", "head", "options"]
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if !line.hasPrefix(" ") && !line.isEmpty { inPaths = line == "paths:"; continue }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), !line.hasPrefix("   "), line.hasSuffix(":") {
                path = String(line.dropFirst(2).dropLast())
            } else if line.hasPrefix("    "), !line.hasPrefix("     "), let path {
                let key = line.trimmingCharacters(in: .whitespaces).split(separator: ":").first.map(String.init) ?? ""
                if methods.contains(key) { operations.insert("\(key.uppercased()) \(path)") }
            }
        }
        return operations
    }

    @Test("the spec's paths and methods equal the router's")
    func pathsMatch() {
        let spec = Self.operations(in: RCMServer.specification)
        let router = Set(RCMServer.routeList())
        #expect(spec.count > 10)
        #expect(spec == router, "only in the spec: \(spec.subtracting(router).sorted()); only in the router: \(router.subtracting(spec).sorted())")
    }

    @Test("the served spec is docs/openapi.yaml")
    func servedIsDocs() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let docs = try String(contentsOf: root.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
        #expect(docs == RCMServer.specification)
    }

    @Test("the reader finds an operation added to a spec and one missing")
    func readerSeesDifferences() {
        let yaml = "openapi: 3.1.0\npaths:\n  /a:\n    get:\n      summary: x\n  /b/{id}:\n    post:\n      responses: {}\ncomponents:\n  x:\n    get: y\n"
        #expect(Self.operations(in: yaml) == ["GET /a", "POST /b/{id}"])
    }
}
