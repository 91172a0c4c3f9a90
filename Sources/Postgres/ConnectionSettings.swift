import Foundation

/// Where to connect: a libpq connection string or URL.
///
/// From `RCM_DATABASE_URL` when set, else libpq's own `PG*` variables (an empty string). Passwords come
/// from the URL in the environment, `PGPASSWORD` or `~/.pgpass`, never from a command-line argument.
public struct ConnectionSettings: Sendable, Equatable {
    /// The libpq connection string or URL.
    public let conninfo: String

    /// Uses the given connection string or URL.
    public init(conninfo: String) {
        self.conninfo = conninfo
    }

    /// From the environment: `RCM_DATABASE_URL`, else libpq's `PG*` variables.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> ConnectionSettings {
        if let url = environment["RCM_DATABASE_URL"], !url.isEmpty {
            return ConnectionSettings(conninfo: url)
        }
        return ConnectionSettings(conninfo: "")
    }

    /// The same server, another database (the URL's path replaced, or `dbname=` appended).
    public func database(_ name: String) -> ConnectionSettings {
        replacingComponent(path: name, key: "dbname")
    }

    /// The same server and database, as another login.
    public func login(_ user: String) -> ConnectionSettings {
        if var components = URLComponents(string: conninfo), components.scheme?.hasPrefix("postgres") == true {
            components.user = user
            components.password = nil
            return ConnectionSettings(conninfo: components.string ?? conninfo)
        }
        return ConnectionSettings(conninfo: conninfo + " user=\(Self.quoteKeywordValue(user))")
    }

    /// The database name in a URL, if there is one.
    public var databaseName: String? {
        guard let components = URLComponents(string: conninfo), components.scheme?.hasPrefix("postgres") == true
        else { return nil }
        let path = components.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        return path.isEmpty ? nil : path
    }

    private func replacingComponent(path: String, key: String) -> ConnectionSettings {
        if var components = URLComponents(string: conninfo), components.scheme?.hasPrefix("postgres") == true {
            components.path = "/" + path
            return ConnectionSettings(conninfo: components.string ?? conninfo)
        }
        return ConnectionSettings(conninfo: conninfo + " \(key)=\(Self.quoteKeywordValue(path))")
    }

    private static func quoteKeywordValue(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}
