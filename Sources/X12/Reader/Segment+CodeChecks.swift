/// Checks of values the implementation guides close: each value outside the list is a warning naming the segment
/// and element, never an error (lists grow; the file is still read). A value is echoed only when it has the form of a
/// code (a few letters and digits), so a name or member id shifted into the element by a missing separator never
/// appears in a message.
extension Segment {
    /// The value of a code element as a message may show it: quoted when it looks like a code of at most
    /// `maxLength` letters and digits, otherwise only its length.
    static func shownCode<Bytes: Collection<UInt8>>(_ bytes: Bytes, maxLength: Int) -> String {
        let isCode = bytes.count <= maxLength && bytes.allSatisfy {
            ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A)
        }
        return isCode ? quoted(bytes) : "a value of \(bytes.count) characters (not shown)"
    }

    /// A warning when element `position` is present and not one of `allowed`; `what` names the element and its
    /// place (`NM108 of loop 2100 insured (NM1*IL)`).
    func checkCode(_ position: Int, in allowed: [String], _ what: @autoclosure () -> String, warnings: inout [X12Warning]) {
        let field = bytes(position)
        guard !field.isEmpty, !allowed.contains(text(field)) else { return }
        warnings.append(X12Warning(
            at: location(position),
            "\(what()) \(Self.shownCode(field, maxLength: 3)) is not one the guide allows (\(allowed.joined(separator: ", ")))"))
    }

    /// A warning when `code`, read from element `position` (component `component`), is not a current value of `list`.
    func checkCode(_ code: String, at position: Int, component: Int? = nil, in list: ExternalCodeList, warnings: inout [X12Warning]) {
        let status = list.status(of: code)
        guard status != .current else { return }
        let shown = Self.shownCode(Array(code.utf8), maxLength: 6)
        let source = "X12 code source \(list.codeSource), list of \(list.asOf)"
        let message = status == .deactivated
            ? "\(list.name) \(shown) is deactivated (\(source)); payers should no longer send it"
            : "\(shown) is not a \(list.name) (\(source))"
        warnings.append(X12Warning(at: location(position, component: component), message))
    }

    /// NM101 against `rules` (the entities a loop allows), then NM102 and NM108 against the rule for that entity.
    /// `place` names where the NM1 is (`the 835 claim (loop 2100)`).
    func checkName(_ rules: [NameRule], place: @autoclosure () -> String, warnings: inout [X12Warning]) {
        let entity = bytes(1)
        guard let rule = rules.first(where: { $0.entities.contains(text(entity)) }) else {
            if !entity.isEmpty {
                let allowed = rules.flatMap(\.entities).joined(separator: ", ")
                warnings.append(X12Warning(
                    at: location(1), "NM101 \(Self.shownCode(entity, maxLength: 3)) is not an entity of \(place()) (\(allowed))"))
            }
            return
        }
        checkName(rule, warnings: &warnings)
    }

    /// NM102 and NM108 against `rule`.
    func checkName(_ rule: NameRule, warnings: inout [X12Warning]) {
        if bytes(2).isEmpty {
            warnings.append(X12Warning(at: location(2), "NM102 (entity type) is missing in loop \(rule.loop)"))
        } else {
            checkCode(2, in: rule.entityTypes, "NM102 (entity type) of loop \(rule.loop)", warnings: &warnings)
        }
        guard !bytes(8).isEmpty else { return }
        if let qualifiers = rule.idQualifiers {
            checkCode(8, in: qualifiers, "NM108 (id qualifier) of loop \(rule.loop)", warnings: &warnings)
        } else {
            warnings.append(X12Warning(at: location(8), "NM108 (id qualifier) is not used in loop \(rule.loop)"))
        }
    }
}
