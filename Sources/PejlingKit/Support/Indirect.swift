/// Stores a value on the heap, so that the value that holds it stays small: a municipality
/// keeps its two reports (a few hundred bytes each) behind one pointer each, and copies of
/// it share them. Setting the value replaces the box; a copy never sees the change.
///
/// ```swift
/// struct Holder { @Indirect var report: Report? }
/// ```
@propertyWrapper
struct Indirect<Value: Sendable & Hashable>: Sendable, Hashable {
    private final class Box: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    public init(wrappedValue: Value) {
        box = Box(wrappedValue)
    }

    public var wrappedValue: Value {
        get { box.value }
        set { box = Box(newValue) }
    }

    public static func == (lhs: Indirect, rhs: Indirect) -> Bool {
        lhs.box === rhs.box || lhs.box.value == rhs.box.value
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(box.value)
    }
}
