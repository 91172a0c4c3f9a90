import Schema
import Testing

/// The migrator's statement splitter, without a database: where psql would cut a script, and nowhere else.
@Suite("A SQL script is cut where psql cuts it")
struct SQLScriptTests {
    static func texts(_ script: String) -> [String] { SQLScript(script).statements.map(\.text) }

    @Test("plain statements are cut at their semicolons; blanks and comments between them are dropped")
    func plainStatements() {
        let script = """
            -- a heading comment; with a semicolon
            CREATE TABLE a (v int);

            /* between */ INSERT INTO a VALUES (1);
            SELECT 1
            """
        #expect(Self.texts(script) == ["CREATE TABLE a (v int);", "INSERT INTO a VALUES (1);", "SELECT 1"])
    }

    @Test("each statement knows the line it starts on")
    func lines() {
        let script = "-- one\n\nSELECT 1;\nSELECT\n  2; SELECT 3;\n\n/* x\n y */\nSELECT 4;"
        #expect(SQLScript(script).statements.map(\.line) == [3, 4, 5, 9])
    }

    @Test("empty statements, a script of comments only and an empty script give nothing to send")
    func nothingToSend() {
        #expect(Self.texts(";;  ;\n") == [])
        #expect(Self.texts("-- only a comment; really\n/* and; this */\n") == [])
        #expect(Self.texts("") == [])
        #expect(Self.texts("SELECT 1;; ;SELECT 2;") == ["SELECT 1;", "SELECT 2;"])
    }

    @Test("a semicolon in a string, a doubled quote and an apostrophe in a comment do not cut (V0010, V0018)")
    func strings() {
        // V0010__phi_sealed.sql, line 43, and V0018__passkeys.sql's comments.
        let script = """
            COMMENT ON COLUMN rcm_phi.x12_files.sealed IS 'Whether bytes is sealed (AES-256-GCM under the practice''s data key); false only for files kept before V0010.';
            -- A person's passkeys. Company data (tenant = the company's tenant), so tenant_id leads the key;
            CREATE INDEX passkeys_by_login ON rcm_auth.passkeys (login);
            """
        let statements = Self.texts(script)
        #expect(statements.count == 2)
        #expect(statements[0].hasSuffix("kept before V0010.';"))
        #expect(statements[1] == "CREATE INDEX passkeys_by_login ON rcm_auth.passkeys (login);")
    }

    @Test("an E'' string takes backslash escapes, a standard string does not")
    func escapeStrings() {
        #expect(Self.texts(#"SELECT E'it\'s; fine', e'\\'; SELECT 2;"#) == [#"SELECT E'it\'s; fine', e'\\';"#, "SELECT 2;"])
        // In a standard string a backslash is a character: the string ends at the second quote.
        #expect(Self.texts(#"SELECT 'a\'; SELECT 2;"#) == [#"SELECT 'a\';"#, "SELECT 2;"])
        // A word that ends in e is no escape prefix.
        #expect(Self.texts(#"SELECT name'x\'; SELECT 2;"#) == [#"SELECT name'x\';"#, "SELECT 2;"])
    }

    @Test("a quoted identifier may hold semicolons, quotes and doubled double quotes")
    func quotedIdentifiers() {
        #expect(Self.texts(#"CREATE TABLE "a;b""c'd" (v int); DROP TABLE x;"#) == [#"CREATE TABLE "a;b""c'd" (v int);"#, "DROP TABLE x;"])
    }

    @Test("a dollar-quoted body with semicolons and quotes is one statement (V0002's append-only function)")
    func dollarQuotes() {
        let script = """
            CREATE FUNCTION rcm.reject_change() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '% on %.% is not allowed: the log is append-only; record a correcting event instead',
                    TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME;
            END
            $$;
            DROP FUNCTION rcm.reject_change();
            """
        let statements = Self.texts(script)
        #expect(statements.count == 2)
        #expect(statements[0].hasPrefix("CREATE FUNCTION") && statements[0].hasSuffix("END\n$$;"))
        #expect(statements[1] == "DROP FUNCTION rcm.reject_change();")
    }

    @Test("tagged dollar quotes close only on their own tag, nested ones inside are text (V0016's $citus$ block)")
    func nestedDollarQuotes() {
        // The shape of V0016__citus_ready.sql's last block: $body$ inside $citus$, $f$ inside $body$.
        let script = """
            DO $citus$
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
                    RETURN;
                END IF;
                EXECUTE $body$
                    CREATE OR REPLACE FUNCTION rcm_analytics_store.place_like(p_table text, p_model text) RETURNS void
                    LANGUAGE plpgsql SET search_path = pg_catalog, rcm AS $f$
                    BEGIN
                        PERFORM create_distributed_table(format('rcm_analytics_store.%I', p_table)::regclass, 'tenant_id');
                    END
                    $f$
                $body$;
            END
            $citus$;
            SELECT 'after';
            """
        let statements = Self.texts(script)
        #expect(statements.count == 2)
        #expect(statements[0].hasPrefix("DO $citus$") && statements[0].hasSuffix("$citus$;"))
        #expect(statements[1] == "SELECT 'after';")
    }

    @Test("$$ closes an anonymous dollar quote even where a tagged one would not, and $tag$ needs its exact tag")
    func dollarTags() {
        #expect(Self.texts("SELECT $a$ $b$; $A$; $a$; SELECT 2;") == ["SELECT $a$ $b$; $A$; $a$;", "SELECT 2;"])
        #expect(Self.texts("SELECT $$ $x$; $$; SELECT 2;") == ["SELECT $$ $x$; $$;", "SELECT 2;"])
    }

    @Test("$1, a $ inside a word and a lone $ open no quote")
    func dollarsThatQuoteNothing() {
        #expect(Self.texts("SELECT $1; SELECT 2;") == ["SELECT $1;", "SELECT 2;"])
        #expect(Self.texts("CREATE TABLE a$b (c$ int); SELECT 2;") == ["CREATE TABLE a$b (c$ int);", "SELECT 2;"])
        #expect(Self.texts("SELECT a$$b; SELECT 2;") == ["SELECT a$$b;", "SELECT 2;"])
    }

    @Test("block comments nest, and a -- comment ends at the line's end")
    func comments() {
        #expect(Self.texts("SELECT /* a /* b; */ c; */ 1; SELECT 2;") == ["SELECT /* a /* b; */ c; */ 1;", "SELECT 2;"])
        #expect(Self.texts("SELECT 1 -- one; 'two\n; SELECT 2;") == ["SELECT 1 -- one; 'two\n;", "SELECT 2;"])
        // A quote inside a comment opens nothing; a comment marker inside a string is text.
        #expect(Self.texts("SELECT '-- not; a comment', '/* nor; this'; SELECT 2;") == ["SELECT '-- not; a comment', '/* nor; this';", "SELECT 2;"])
    }

    @Test("a semicolon inside parentheses does not cut (a rule's several actions)")
    func parentheses() {
        let script = "CREATE RULE r AS ON INSERT TO a DO ALSO (INSERT INTO b VALUES (1); INSERT INTO c VALUES (2)); SELECT 2;"
        #expect(Self.texts(script) == ["CREATE RULE r AS ON INSERT TO a DO ALSO (INSERT INTO b VALUES (1); INSERT INTO c VALUES (2));", "SELECT 2;"])
    }

    @Test("a SQL-standard function body (BEGIN ATOMIC … END) is one statement, CASE … END inside it too")
    func beginAtomic() {
        let script = """
            CREATE OR REPLACE FUNCTION f(p int) RETURNS int LANGUAGE sql
            BEGIN ATOMIC
                SELECT CASE WHEN p > 0 THEN 1 ELSE 0 END;
                SELECT p;
            END;
            BEGIN;
            SELECT CASE WHEN true THEN 1 END;
            END;
            """
        #expect(
            Self.texts(script) == [
                "CREATE OR REPLACE FUNCTION f(p int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n    SELECT CASE WHEN p > 0 THEN 1 ELSE 0 END;\n    SELECT p;\nEND;",
                "BEGIN;", "SELECT CASE WHEN true THEN 1 END;", "END;",
            ])
    }

    @Test("an unterminated string, identifier, dollar quote or comment runs to the end, for the server to refuse")
    func unterminated() {
        #expect(Self.texts("SELECT 1; SELECT 'open; SELECT 2;") == ["SELECT 1;", "SELECT 'open; SELECT 2;"])
        #expect(Self.texts("SELECT \"open; SELECT 2;") == ["SELECT \"open; SELECT 2;"])
        #expect(Self.texts("DO $x$ BEGIN; $y$; SELECT 2;") == ["DO $x$ BEGIN; $y$; SELECT 2;"])
        #expect(Self.texts("SELECT 1 /* open; SELECT 2;") == ["SELECT 1 /* open; SELECT 2;"])
    }

    @Test("non-ASCII text in comments, strings and identifiers passes through unchanged")
    func unicode() {
        #expect(Self.texts("-- café; naïve\nSELECT 'é;ü', \"größe;\" FROM tablé; SELECT 2;") == ["SELECT 'é;ü', \"größe;\" FROM tablé;", "SELECT 2;"])
    }

    /// The commands the migrations are written with: a statement starting with any other word was cut inside one.
    static let commands: Set<String> = [
        "ALTER", "COMMENT", "CREATE", "DELETE", "DO", "DROP", "GRANT", "INSERT", "LOCK", "REVOKE", "SELECT", "SET",
        "UPDATE", "WITH",
    ]

    @Test("every embedded migration and the bootstrap cut into whole commands, each ending with its semicolon")
    func realMigrations() {
        for (name, sql) in Migration.all.map({ ($0.fileName, $0.sql) }) + [("bootstrap.sql", Migration.bootstrapSQL)] {
            let statements = SQLScript(sql).statements
            #expect(!statements.isEmpty, "\(name)")
            for statement in statements {
                let word = String(statement.text.prefix { $0.isLetter }).uppercased()
                #expect(Self.commands.contains(word), "\(name) line \(statement.line) starts with \(word)")
                #expect(statement.text.hasSuffix(";"), "\(name) line \(statement.line) ends with its semicolon")
                let dollars = statement.text.components(separatedBy: "$$").count - 1
                #expect(dollars % 2 == 0, "\(name) line \(statement.line): its $$ quotes pair up")
            }
        }
    }

    @Test("an ALTER TABLE adding a constraint is sent in the form Citus takes: one subcommand each, a column's CHECK named (V0019)")
    func alterTableSubcommands() {
        let v0019 = """
            ALTER TABLE rcm_auth.totp_factors
                ALTER COLUMN secret DROP NOT NULL,
                ADD COLUMN sealed bytea CHECK (octet_length(sealed) = 49),
                ADD CONSTRAINT totp_factors_sealed_or_clear CHECK ((secret IS NULL) <> (sealed IS NULL));
            """
        #expect(SQLScript(v0019).statements.first?.sentAs == [
            "ALTER TABLE rcm_auth.totp_factors ALTER COLUMN secret DROP NOT NULL;",
            "ALTER TABLE rcm_auth.totp_factors ADD COLUMN sealed bytea;",
            "ALTER TABLE rcm_auth.totp_factors ADD CONSTRAINT totp_factors_sealed_check CHECK (octet_length(sealed) = 49);",
            "ALTER TABLE rcm_auth.totp_factors ADD CONSTRAINT totp_factors_sealed_or_clear CHECK ((secret IS NULL) <> (sealed IS NULL));",
        ])
        #expect(SQLScript("alter table if exists only a.t add check (v > 0), add column w int;").statements.first?.sentAs == [
            "alter table if exists only a.t add check (v > 0);", "alter table if exists only a.t add column w int;",
        ])
        #expect(SQLScript("ALTER TABLE s.t ADD COLUMN IF NOT EXISTS c numeric(10, 2) NOT NULL DEFAULT 0 CHECK (c >= 0) NO INHERIT;")
            .statements.first?.sentAs == [
                "ALTER TABLE s.t ADD COLUMN IF NOT EXISTS c numeric(10, 2) NOT NULL DEFAULT 0;",
                "ALTER TABLE s.t ADD CONSTRAINT t_c_check CHECK (c >= 0) NO INHERIT;",
            ])
        // Everything else is sent as written: several subcommands without a constraint (V0010, V0017), one
        // constraint alone, a named column constraint, commas in parentheses, strings or a dollar-quoted body, a
        // quoted table name, other commands.
        for unchanged in [
            "ALTER TABLE rcm_analytics_store.session_index ADD COLUMN claim_id text, ADD COLUMN rendering text;",
            "ALTER TABLE t ADD CONSTRAINT c UNIQUE (a, b);",
            "ALTER TABLE t ADD COLUMN a int CONSTRAINT a_positive CHECK (a > 0);",
            "ALTER TABLE t ADD COLUMN v text DEFAULT 'a, add constraint';",
            #"ALTER TABLE "T" ADD COLUMN a int, ADD CONSTRAINT c CHECK (a > 0);"#,
            "DO $x$ BEGIN ALTER TABLE t ADD COLUMN a int, ADD CONSTRAINT c CHECK (a > 0); END $x$;",
            "SELECT 1, 2;",
            "ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0),;",
        ] {
            #expect(SQLScript(unchanged).statements.first?.sentAs == [unchanged], "\(unchanged)")
        }
        // Of the embedded migrations, V0014's and V0019's (V0014 ran before V0016 distributed anything, so it passed on Citus whole).
        var cut: [String] = []
        for migration in Migration.all {
            for statement in SQLScript(migration.sql).statements where statement.sentAs != [statement.text] {
                cut.append("\(migration.fileName) line \(statement.line)")
            }
        }
        #expect(cut == ["V0014__second_factor.sql line 37", "V0019__totp_sealed.sql line 13"])
    }
}
