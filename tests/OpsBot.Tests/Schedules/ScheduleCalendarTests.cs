using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpsBot.Schedules;
using static OpsBot.Tests.Schedules.RunnerInstance;

namespace OpsBot.Tests.Schedules;

public sealed class ScheduleCalendarTests
{
    private static ScheduleCalendar Calendar(string dailyRadar = "30 2 * * *", string dailyDigest = "0 9 * * *") =>
        new(Options.Create(new ScheduleOptions { DailyRadar = dailyRadar, DailyDigest = dailyDigest }), Options.Create(new OpsBotOptions()));

    private static List<DateTimeOffset> LocalDay(ScheduleCalendar calendar, string job, int month, int day) =>
        [.. calendar.Occurrences(job, Berlin(2026, month, day, 0), Berlin(2026, month, day + 1, 0))];

    [Fact]
    public void SpringForward_0230Job_RunsOnceAtTheShiftedTime()
    {
        var runs = LocalDay(Calendar(), "DailyRadar", 3, 29);

        // 02:30 does not exist on 2026-03-29 in Berlin: clocks jump from 02:00 CET to 03:00 CEST.
        Assert.Equal([new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero)], runs);
    }

    [Fact]
    public void FallBack_0230Job_RunsOnceThoughTheHourRepeats()
    {
        var runs = LocalDay(Calendar(), "DailyRadar", 10, 25);

        Assert.Equal([new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero)], runs);
    }

    [Theory]
    [InlineData(3, 29, 7)]
    [InlineData(10, 25, 8)]
    [InlineData(11, 20, 8)]
    public void NineOClockJob_RunsOnceAtNineLocal_OnDstDaysToo(int month, int day, int utcHour)
    {
        var runs = LocalDay(Calendar(), "DailyDigest", month, day);

        Assert.Equal([new DateTimeOffset(2026, month, day, utcHour, 0, 0, TimeSpan.Zero)], runs);
    }

    [Fact]
    public void Next_GivesTheFollowingRunsInOrder()
    {
        var next = Calendar(dailyDigest: "0 9 * * 1-5").Next("DailyDigest", Berlin(2026, 11, 20, 9), 3);

        Assert.Equal([Berlin(2026, 11, 23, 9), Berlin(2026, 11, 24, 9), Berlin(2026, 11, 25, 9)], next);
    }

    [Fact]
    public void Defaults_AreWeekdayNineForDailies_MondayNineWeekly_QuarterHourSweeps()
    {
        var calendar = Calendar(new ScheduleOptions().DailyRadar, new ScheduleOptions().DailyDigest);
        var monday = Berlin(2026, 11, 23, 0);
        var week = monday.AddDays(7);

        Assert.Equal(5, calendar.Occurrences("DailyRadar", monday, week).Count());
        Assert.Equal(5, calendar.Occurrences("DailyDigest", monday, week).Count());
        Assert.Equal([Berlin(2026, 11, 23, 9)], calendar.Occurrences("WeeklyDigest", monday, week));
        Assert.Equal(7 * 24 * 4, calendar.Occurrences("AlertSweep", monday, week).Count());
        Assert.Equal(7 * 24 * 4, calendar.Occurrences("NudgeSweep", monday, week).Count());
    }

    [Fact]
    public void BadExpression_FailsValidation_NamingItsKey()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Schedules:WeeklyDigest"] = "0 9 * * Funday" }).Build();
        using var services = new ServiceCollection().AddSchedules(config).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ScheduleOptions>>().Value);

        Assert.Contains("Schedules:WeeklyDigest '0 9 * * Funday' is not a cron expression", error.Message);
    }
}
