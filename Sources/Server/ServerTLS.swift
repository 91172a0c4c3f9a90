import HummingbirdTLS

/// The certificate chain and private key `rcm serve` serves HTTPS with (PEM files, `--tls-cert`, `--tls-key`).
public struct ServerTLS: Sendable {
    /// The certificate chain, PEM, leaf first.
    public var certificatePath: String
    /// The private key, PEM.
    public var keyPath: String

    /// TLS from two PEM files.
    public init(certificatePath: String, keyPath: String) {
        self.certificatePath = certificatePath
        self.keyPath = keyPath
    }

    /// The server configuration (TLS 1.2 or newer, swift-nio-ssl's default ciphers). Throws a sentence naming
    /// the file that cannot be read, without its content.
    func configuration() throws -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        let key: NIOSSLPrivateKey
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificatePath)
        } catch {
            throw Failure(description: "--tls-cert \(certificatePath) is not a readable PEM certificate")
        }
        guard !chain.isEmpty else { throw Failure(description: "--tls-cert \(certificatePath) holds no certificate") }
        do {
            key = try NIOSSLPrivateKey(file: keyPath, format: .pem)
        } catch {
            throw Failure(description: "--tls-key \(keyPath) is not a readable PEM private key")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        return configuration
    }

    /// A certificate or key file that cannot be used.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }
}
