import Testing
@testable import PejlingServe

@Suite struct ReloadHubTests {
    @Test func everySubscriberHearsAndCloseEndsThem() async {
        let hub = ReloadHub()
        let one = hub.subscribe()
        let two = hub.subscribe()
        #expect(hub.subscriberCount == 2)
        hub.send(.changed)
        var first = one.signals.makeAsyncIterator()
        var second = two.signals.makeAsyncIterator()
        #expect(await first.next() == .changed)
        #expect(await second.next() == .changed)
        hub.close()
        #expect(await first.next() == nil)
        #expect(await second.next() == nil)
        #expect(hub.subscriberCount == 0)
        // After closing, new streams end at once.
        var late = hub.subscribe().signals.makeAsyncIterator()
        #expect(await late.next() == nil)
    }

    @Test func aBurstReachesASlowSubscriberAsOneSignal() async {
        let hub = ReloadHub()
        let subscription = hub.subscribe()
        for _ in 0..<50 { hub.send(.changed) }
        hub.unsubscribe(subscription.id)
        var count = 0
        for await _ in subscription.signals { count += 1 }
        #expect(count == 1)
    }
}
