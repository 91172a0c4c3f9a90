import Foundation
import Postgres
import Testing
import TestSupport

/// The TOTP secret sealed under the company's data key and checked by the server (V0019, decision 0018), over HTTP
/// against `rcm serve` on loopback and the real database; codes computed by Python, sealed rows opened by
/// `SealedTOTPReader` from the format alone.
@Suite("Sealed TOTP: the secret at rest, each code once under a race, rows kept in clear")
struct SealedTOTPTests {
    @Test("enrolment stores only ciphertext (no secret bytes or base32 in the owner's row); it opens under the company's key for that person alone, not under a practice's; staff cannot plant the company's key; no event or log line holds the secret or a code")
    func enrolmentStoresTheSecretSealed() async throws {
        let scene = try await ServerScene.make("totp_sealed", secondFactor: "phi_readers")
        let owner = try await scene.cli.database.connect()

        // Before any enrolment the company has no data key: a staff login may not plant one (42501, the keys' policy).
        let staff = try await scene.cli.database.connect(as: scene.ana)
        let planted = await #expect(throws: PostgresError.self) {
            try await staff.run {
                try $0.executeScript(
                    "INSERT INTO rcm_phi.data_keys (tenant_id, wrapped_key, kek_id) SELECT tenant_id, '\\x00'::bytea, 'kek-0000000000000000' FROM rcm.tenants WHERE kind = 'company'",
                    name: "plant_company_key")
            }
        }
        #expect(planted?.sqlState == "42501", "\(String(describing: planted))")

        try await SecondFactorTests.freshStep(unlessAtLeast: 15)
        let enrolled = try await SecondFactorTests.enrol(scene, scene.ana)
        let secret = SealedTOTPReader.base32(enrolled.secret)
        #expect(secret.count == 20)

        let row = try await owner.query(
            SQL("totp_row", "SELECT secret, sealed FROM rcm_auth.totp_factors WHERE login = $1"), [scene.ana]
        ).first!
        #expect(try row.decodeIfPresent("secret", as: Data.self) == nil, "no clear column")
        let sealed = [UInt8](try row.decode("sealed", as: Data.self))
        #expect(sealed.count == 49)
        #expect(!SealedTOTPReader.contains(sealed, secret) && !SealedTOTPReader.contains(sealed, Array(enrolled.secret.utf8)))
        let table: String = try await owner.query(
            SQL("totp_table_text", "SELECT string_agg(t::text, '|') AS text FROM rcm_auth.totp_factors t")
        ).first!.decode("text")
        let hex = secret.map { String(format: "%02x", $0) }.joined()
        #expect(!table.contains(enrolled.secret) && !table.contains(hex), "the table as text holds neither form")

        let companyKey = try await SealedTOTPReader.dataKey(owner, slug: nil), acmeKey = try await SealedTOTPReader.dataKey(owner, slug: "acme")
        let company = try #require(companyKey, "the company's data key was made at enrolment")
        let acme = try #require(acmeKey, "acme's data key (its patient is sealed)")
        #expect(SealedTOTPReader.open(sealed, key: company.key, context: "rcm_auth.totp_factors|\(company.tenant)|\(scene.ana)") == secret)
        #expect(SealedTOTPReader.open(sealed, key: company.key, context: "rcm_auth.totp_factors|\(company.tenant)|\(scene.bob)") == nil)
        #expect(SealedTOTPReader.open(sealed, key: acme.key, context: "rcm_auth.totp_factors|\(company.tenant)|\(scene.ana)") == nil)
        #expect(SealedTOTPReader.open(sealed, key: acme.key, context: "rcm_auth.totp_factors|\(acme.tenant)|\(scene.ana)") == nil)

        // A sign-in with a code, then nothing anywhere holds the secret or a code.
        let (_, pending) = try await SecondFactorTests.passwordStep(scene, scene.ana)
        let code = try PythonTOTP.code(secret: enrolled.secret, stepsFromNow: 1)
        #expect(try await pending.post("/sign-in/second-factor", json: ["totp": code]).status == 200)
        let events: String = try await owner.query(
            SQL("totp_events_text", "SELECT string_agg(payload::text || metadata::text, '|') AS text FROM rcm.events")
        ).first!.decode("text")
        for text in [events, scene.server.log] {
            #expect(!text.contains(enrolled.secret) && !text.lowercased().contains(hex))
            for typed in [enrolled.firstCode, code] {
                #expect(text.range(of: "(?<![0-9A-Fa-f.:-])\(typed)(?![0-9A-Fa-f])", options: .regularExpression) == nil, "a code in \(text.prefix(80))")
            }
        }
        await scene.stop()
    }

    @Test("the right code completes the sign-in; a wrong one is refused and counted; the same code twice is refused, also when two sign-ins race with it")
    func eachCodeOnceUnderARace() async throws {
        let scene = try await ServerScene.make("totp_race", secondFactor: "phi_readers")
        try await SecondFactorTests.freshStep(unlessAtLeast: 20)
        let enrolled = try await SecondFactorTests.enrol(scene, scene.ana)

        let (_, first) = try await SecondFactorTests.passwordStep(scene, scene.ana)
        let wrong = try await first.post("/sign-in/second-factor", json: ["totp": try PythonTOTP.code(secret: enrolled.secret, stepsFromNow: -4)])
        #expect(wrong.status == 401)
        #expect(try await Self.failedAttempts(scene) == 1, "the wrong code counts towards the lock")
        #expect(try await SecondFactorTests.failureReasons(scene) == ["wrong_code"])

        // Two sign-ins waiting for their factor send the same unused code at once: one passes, the other is a reused
        // code. Twice: the next step's code now, and again in the next step (the enrolment spent this step's code).
        for round in 1...2 {
            if round == 2 { try await SecondFactorTests.freshStep(unlessAtLeast: 31) }
            let (_, a) = try await SecondFactorTests.passwordStep(scene, scene.ana)
            let (_, b) = try await SecondFactorTests.passwordStep(scene, scene.ana)
            let code = try PythonTOTP.code(secret: enrolled.secret, stepsFromNow: 1)
            async let replyA = a.post("/sign-in/second-factor", json: ["totp": code])
            async let replyB = b.post("/sign-in/second-factor", json: ["totp": code])
            let statuses = [try await replyA.status, try await replyB.status].sorted()
            #expect(statuses == [200, 401], "round \(round): \(statuses)")
            #expect(try await SecondFactorTests.failureReasons(scene).last == "reused_code")
            // And once more after the race: the same code is refused again, recorded as reused.
            let (_, c) = try await SecondFactorTests.passwordStep(scene, scene.ana)
            #expect(try await c.post("/sign-in/second-factor", json: ["totp": code]).status == 401)
            #expect(try await SecondFactorTests.failureReasons(scene).suffix(2) == ["reused_code", "reused_code"])
        }
        #expect(try await SecondFactorTests.signInMethods(scene) == ["password+totp", "password+totp", "password+totp"])
        #expect(try await Self.failedAttempts(scene) == 2, "the success reset the count; the refusal after it counted")
        await scene.stop()
    }

    @Test("a secret kept in clear before V0019 still signs in and rcm migrate points at the rotation; rcm admin keys rotate seals it under the company's key, leaves no clear secret, and it signs in after")
    func rotationSealsSecretsKeptInClear() async throws {
        let scene = try await ServerScene.make("totp_legacy", secondFactor: "phi_readers")
        try await SecondFactorTests.freshStep(unlessAtLeast: 20)
        let enrolled = try await SecondFactorTests.enrol(scene, scene.ana)
        let secret = SealedTOTPReader.base32(enrolled.secret)
        let owner = try await scene.cli.database.connect()
        // The row as V0014 wrote it: the secret in clear, nothing sealed.
        let login = scene.ana, clear = Data(secret)
        try await owner.run { session in
            _ = try session.execute(SQL("totp_unseal", "UPDATE rcm_auth.totp_factors SET secret = $2, sealed = NULL WHERE login = $1"), [login, clear])
        }
        #expect(try await Self.clearSecrets(owner) == 1)
        let migrated = try scene.cli.run(["migrate"])
        #expect(migrated.status == 0 && migrated.standardError.contains("1 TOTP secret(s) enrolled before V0019 are still in clear text: run rcm admin keys rotate"),
            "rcm migrate says what is left to seal: \(migrated.standardError)")

        let (_, before) = try await SecondFactorTests.passwordStep(scene, scene.ana)
        let code = try PythonTOTP.code(secret: enrolled.secret, stepsFromNow: 1)
        #expect(try await before.post("/sign-in/second-factor", json: ["totp": code]).status == 200, "a clear row reads as before")

        let rotated = try scene.cli.ok(["admin", "keys", "rotate"])
        #expect(rotated.contains("sealed 1 TOTP secret(s) kept in clear text before V0019"), "\(rotated)")
        #expect(try await Self.clearSecrets(owner) == 0, "no clear secret survives the rotation")
        let sealed = [UInt8](try await owner.query(
            SQL("totp_sealed_after", "SELECT sealed FROM rcm_auth.totp_factors WHERE login = $1"), [scene.ana]
        ).first!.decode("sealed", as: Data.self))
        let companyKey = try await SealedTOTPReader.dataKey(owner, slug: nil)
        let company = try #require(companyKey)
        #expect(SealedTOTPReader.open(sealed, key: company.key, context: "rcm_auth.totp_factors|\(company.tenant)|\(scene.ana)") == secret)
        #expect(try scene.cli.ok(["admin", "keys", "rotate"]).contains("TOTP") == false, "a second rotation has nothing left to seal")

        // The step used above is spent; the sealed secret signs in with the next code the app shows.
        let (_, after) = try await SecondFactorTests.passwordStep(scene, scene.ana)
        #expect(try await after.post("/sign-in/second-factor", json: ["totp": code]).status == 401)
        try await SecondFactorTests.freshStep(unlessAtLeast: 31)
        let (_, later) = try await SecondFactorTests.passwordStep(scene, scene.ana)
        let next = try PythonTOTP.code(secret: enrolled.secret, stepsFromNow: 1)
        #expect(try await later.post("/sign-in/second-factor", json: ["totp": next]).status == 200)
        await scene.stop()
    }

    static func failedAttempts(_ scene: ServerScene) async throws -> Int64 {
        let owner = try await scene.cli.database.connect()
        return try await owner.query(
            SQL("failed_attempts", "SELECT failed_attempts::bigint AS n FROM rcm_auth.credentials WHERE login = $1"), [scene.ana]
        ).first!.decode("n")
    }

    static func clearSecrets(_ owner: Connection) async throws -> Int64 {
        try await owner.query(SQL("totp_clear_count", "SELECT count(*) AS n FROM rcm_auth.totp_factors WHERE secret IS NOT NULL")).first!.decode("n")
    }
}
