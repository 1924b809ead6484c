import Testing
@testable import SlutrapportKit

@Suite struct DayTests {
    @Test func parsesISODates() {
        #expect(Day(iso: "2022-09-30")?.description == "2022-09-30")
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2023-02-29") == nil)
        #expect(Day(iso: "2022-9-30") == nil)
        #expect(Day(iso: "2022-13-01") == nil)
        #expect(Day(iso: "30/09/2022") == nil)
    }

    @Test func ordinalIsDaysSince1970() {
        #expect(Day(iso: "1970-01-01")?.ordinal == 0)
        #expect(Day(iso: "2022-09-30")?.ordinal == 19265)
        #expect(Day.fromOrdinal(19265).description == "2022-09-30")
    }

    @Test func sourceDateEpochGivesADate() {
        #expect(BuildOptions.generatedDate(sourceDateEpoch: "1664496000") == "2022-09-30")
        #expect(BuildOptions.generatedDate(sourceDateEpoch: nil) == nil)
        #expect(BuildOptions.generatedDate(sourceDateEpoch: "yesterday") == nil)
    }
}
