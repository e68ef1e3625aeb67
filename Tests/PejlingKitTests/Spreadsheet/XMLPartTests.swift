import Foundation
import Testing
@testable import PejlingKit

/// Records a part's events as lines: `<name a=1>`, `"text"`, `</name>`.
private final class EventRecorder: XMLPart.Handler {
    var events: [String] = []
    var attributeNames: [StaticString] = []
    var stopAfter: Int?
    var shouldStop: Bool { stopAfter.map { events.count >= $0 } ?? false }

    init(attributes: [StaticString] = []) { attributeNames = attributes }

    func start(_ name: XMLPart.Name, attributes: XMLPart.Attributes) {
        let shown = attributeNames.compactMap { key in attributes[key].map { " \(key)=\($0)" } }
        events.append("<\(name)\(shown.joined())>")
    }

    func end(_ name: XMLPart.Name) { events.append("</\(name)>") }

    func text(_ text: XMLPart.Text) {
        // libxml2 may split a run of text (at an entity); join the pieces.
        if let last = events.last, last.hasPrefix("\"") {
            events[events.count - 1] = String(last.dropLast()) + text.string + "\""
        } else {
            events.append("\"" + text.string + "\"")
        }
    }
}

@Suite struct XMLPartTests {
    private func read(_ xml: String, attributes: [StaticString] = []) -> (XMLPart.Failure?, [String]) {
        let recorder = EventRecorder(attributes: attributes)
        let failure = XMLPart.parse(Array(xml.utf8), handler: recorder)
        return (failure, recorder.events)
    }

    @Test func elementsTextAndAttributesAreEvents() {
        let (failure, events) = read(#"<?xml version="1.0" encoding="UTF-8"?><a x="1"><b>tekst</b><c/></a>"#, attributes: ["x"])
        #expect(failure == nil)
        #expect(events == ["<a x=1>", "<b>", "\"tekst\"", "</b>", "<c>", "</c>", "</a>"])
    }

    @Test func prefixesAreDroppedFromElementAndAttributeNames() {
        let xml = #"<x:workbook xmlns:x="urn:main" xmlns:r="urn:rel"><x:sheet name="Ark1" r:id="rId3"/></x:workbook>"#
        let (failure, events) = read(xml, attributes: ["name", "id"])
        #expect(failure == nil)
        #expect(events == ["<workbook>", "<sheet name=Ark1 id=rId3>", "</sheet>", "</workbook>"])
    }

    @Test func namesAreComparedWholeAndByByte() {
        final class Matcher: XMLPart.Handler {
            var matches: [Bool] = []
            var shouldStop: Bool { false }
            func start(_ name: XMLPart.Name, attributes: XMLPart.Attributes) {
                matches.append(name == "c")
                if case "cc" = name { matches.append(true) }
            }
            func end(_ name: XMLPart.Name) {}
            func text(_ text: XMLPart.Text) {}
        }
        let matcher = Matcher()
        #expect(XMLPart.parse(Array("<cc><c/><col/></cc>".utf8), handler: matcher) == nil)
        #expect(matcher.matches == [false, true, true, false])
    }

    @Test func entitiesAndCharacterReferencesAreDecoded() {
        let xml = #"<t a="x&amp;y&#230;&#38;z&amp;#38;&quot;&lt;">&amp;&#230;&#xE5;&lt;&gt;&apos;&quot;</t>"#
        let (failure, events) = read(xml, attributes: ["a"])
        #expect(failure == nil)
        #expect(events == [#"<t a=x&yæ&z&#38;"<>"#, #""&æå<>'"""#, "</t>"])
    }

    @Test func cdataIsText() {
        let (failure, events) = read("<t><![CDATA[a<b & c]]></t>")
        #expect(failure == nil)
        #expect(events == ["<t>", "\"a<b & c\"", "</t>"])
    }

    @Test(arguments: [
        #"<!DOCTYPE a [<!ENTITY b "bb">]><a>&b;</a>"#,
        #"<!DOCTYPE a SYSTEM "http://example.com/a.dtd"><a/>"#,
        #"<a><!ENTITY b "bb"></a>"#,
    ])
    func documentTypesAndEntitiesAreRefused(xml: String) {
        #expect(read(xml).0 == .documentType)
    }

    @Test func anUndeclaredEntityIsMalformed() {
        guard case .malformed(let message, let line) = read("<a>\n&b;</a>").0 else {
            Issue.record("not refused")
            return
        }
        #expect(message.contains("b"))
        #expect(line == 2)
    }

    @Test(arguments: [
        ("<a>\n<b>\n</a>", 3),
        ("<a x=1/>", 1),
        ("<a>\n\n<b></c></a>", 3),
        ("", 1),
        ("<a>", 1),
    ])
    func malformedXMLNamesItsLine(xml: String, line: Int) {
        guard case .malformed(let message, let reported) = read(xml).0 else {
            Issue.record("\(xml) was read")
            return
        }
        #expect(!message.isEmpty)
        #expect(reported == line)
    }

    @Test func aHandlerStopsTheParse() {
        let recorder = EventRecorder()
        recorder.stopAfter = 2
        let xml = "<a>" + String(repeating: "<b/>", count: 1000) + "</a>"
        #expect(XMLPart.parse(Array(xml.utf8), handler: recorder) == .stopped)
        #expect(recorder.events.count == 2)
    }

    @Test func partsAreReadOnSeveralThreadsAtOnce() {
        let xml = Array(("<a>" + String(repeating: "<b x=\"1\">tekst</b>", count: 500) + "</a>").utf8)
        let lock = NSLock()
        nonisolated(unsafe) var counts: [Int] = []
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            let recorder = EventRecorder(attributes: ["x"])
            let failure = XMLPart.parse(xml, handler: recorder)
            lock.withLock { counts.append(failure == nil ? recorder.events.count : -1) }
        }
        #expect(counts == Array(repeating: 1502, count: 16))
    }
}
