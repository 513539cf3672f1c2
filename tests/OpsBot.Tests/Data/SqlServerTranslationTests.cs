using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using OpsBot.Metrics;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Data;

/// <summary>
/// Production runs on SQL Server, the other tests on SQLite. Here every metric query path runs through
/// the production SQL Server registration with no server (<see cref="OfflineSqlServer"/>), so each LINQ
/// query is translated to T-SQL: one that only translates on SQLite fails here instead of in production.
/// Every command answers one row of 1s, which sends each path down its longest branch (creator found,
/// reply times present, a creator over the refund limit); the command counts check that it did.
/// </summary>
public sealed class SqlServerTranslationTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly Period Week = new(AsOf.AddDays(-7), AsOf);

    /// <summary>Each path with the number of commands it sends when every command answers one row.</summary>
    private static readonly Dictionary<string, (Func<IServiceProvider, Task> Run, int Commands)> Paths = new()
    {
        ["CreatorLookup.Find"] = (sp => Get<CreatorLookup>(sp).FindAsync("@anna"), 1),
        ["CreatorLookup.SuggestHandles"] = (sp => Get<CreatorLookup>(sp).SuggestHandlesAsync("anan"), 1),
        ["Radar.AllCreators"] = (sp => Get<RadarQuery>(sp).RunAsync(new RadarRequest(AsOf)), 1),
        // Creator lookup, then that creator's open threads.
        ["Radar.OneCreator"] = (sp => Get<RadarQuery>(sp).RunAsync(new RadarRequest(AsOf, CreatorHandle: "anna")), 2),
        ["Sla.Open"] = (sp => Get<SlaQuery>(sp).OpenAsync(AsOf, "c_anna"), 1),
        ["Sla.AnswerRate"] = (sp => Get<SlaQuery>(sp).AnswerRateAsync(Week, AsOf), 1),
        // Lanes; then median and p90 overall and for the one lane present (Fast): 1 + 2 + 2.
        ["ReplyTime.AllCreators"] = (sp => Get<ReplyTimeQuery>(sp).ForPeriodAsync(Week, AsOf), 5),
        ["ReplyTime.OneCreator"] = (sp => Get<ReplyTimeQuery>(sp).ForPeriodAsync(Week, AsOf, "c_anna"), 5),
        // Gross and shares, refunded.
        ["Gmv.ForPeriod"] = (sp => Get<GmvQuery>(sp).ForPeriodAsync(Week, AsOf), 2),
        ["Gmv.Gross"] = (sp => Get<GmvQuery>(sp).GrossAsync(Week, AsOf, "c_anna"), 1),
        // Gross per creator, refunded per creator.
        ["Gmv.ByCreator"] = (sp => Get<GmvQuery>(sp).ByCreatorAsync(Week, AsOf), 2),
        // By reason, threads created.
        ["Refund.ForPeriod"] = (sp => Get<RefundQuery>(sp).ForPeriodAsync(Week, AsOf), 2),
        // Visits, checkouts, threads created and replied.
        ["Funnel.AllCreators"] = (sp => Get<FunnelQuery>(sp).ForPeriodAsync(Week, AsOf), 3),
        ["Funnel.OneCreator"] = (sp => Get<FunnelQuery>(sp).ForPeriodAsync(Week, AsOf, "c_anna"), 3),
        // Per code, then the codes' owners.
        ["Referral.ForPeriod"] = (sp => Get<ReferralQuery>(sp).ForPeriodAsync(Week, AsOf), 2),
        // Due per creator, answered per creator, handles of the flagged.
        ["CreatorOutliers.Find"] = (sp => Get<CreatorOutliersQuery>(sp).FindAsync(AsOf), 3),
        // Created per creator, refunds per creator, handles (1 refund of 1 thread is over 10%).
        ["HighRefundRate.Find"] = (sp => Get<HighRefundRateQuery>(sp).FindAsync(AsOf), 3),
        // Sla 2, reply times 5, GMV 2 + MTD 1 + by creator 2, refunds 2, funnel 3, referral 2, outliers 3, high refund rate 3.
        ["Digest.Daily"] = (sp => Get<DigestQuery>(sp).RunAsync(DigestKind.Daily, AsOf), 25),
        // Lookup, flags, repeated-misses flag, referred creators, sla 2, reply times 5, GMV MTD 1, refunds 2, outliers 3, high refund rate 3.
        ["CreatorCard"] = (sp => Get<CreatorCardQuery>(sp).RunAsync("anna", AsOf), 20),
    };

    public static TheoryData<string> PathNames => [.. Paths.Keys];

    [Theory]
    [MemberData(nameof(PathNames))]
    public async Task MetricQuery_OnSqlServer_TranslatesEveryCommandToTSql(string path)
    {
        using var server = new OfflineSqlServer();
        using var scope = server.NewScope();

        await Paths[path].Run(scope.ServiceProvider);

        Assert.Equal(Paths[path].Commands, server.Commands.Count);
        Assert.All(server.Commands, AssertTSql);
    }

    [Fact]
    public async Task ReplyTime_OnSqlServer_ReadsMedianAndP90ByOffsetFetch()
    {
        using var server = new OfflineSqlServer();
        using var scope = server.NewScope();

        await Get<ReplyTimeQuery>(scope.ServiceProvider).ForPeriodAsync(Week, AsOf);

        // Median and p90, overall and for the lane: each an ORDER BY … OFFSET … FETCH NEXT.
        Assert.Equal(4, server.Commands.Count(sql => sql.Contains("ORDER BY", StringComparison.Ordinal) && sql.Contains("OFFSET", StringComparison.Ordinal) && sql.Contains("ROWS FETCH NEXT", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CreatorLookup_OnSqlServer_FindsByHandleKeyWithTop()
    {
        using var server = new OfflineSqlServer();
        using var scope = server.NewScope();

        await Get<CreatorLookup>(scope.ServiceProvider).FindAsync("@Anna");

        var sql = Assert.Single(server.Commands);
        Assert.Contains("SELECT TOP(2)", sql, StringComparison.Ordinal);
        Assert.Contains("[c].[HandleKey] = @", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void TSqlCheck_SqliteSkipTake_IsRejected()
    {
        using var sqlite = new TestDatabase(migrate: false);
        using var db = sqlite.NewContext();

        var query = db.Threads.OrderBy(t => t.ReplyMs).Skip(4).Take(2).Select(t => t.ReplyMs).ToQueryString();
        // ToQueryString declares SQLite parameters as ".param set" lines; only the statement itself is checked.
        var sql = string.Join('\n', query.Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));

        Assert.Contains("LIMIT", sql, StringComparison.Ordinal);
        Assert.Contains(TSqlSyntaxErrors(sql), e => e.Message.Contains("LIMIT", StringComparison.Ordinal));
    }

    /// <summary>Parses as SQL Server 2022 T-SQL, names tables in brackets, and has none of SQLite's LIMIT or ef_ functions.</summary>
    private static void AssertTSql(string sql)
    {
        Assert.Empty(TSqlSyntaxErrors(sql));
        Assert.Contains("FROM [", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("LIMIT", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("ef_", sql, StringComparison.Ordinal);
    }

    private static IList<ParseError> TSqlSyntaxErrors(string sql)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        return errors;
    }

    private static T Get<T>(IServiceProvider sp) where T : notnull => sp.GetRequiredService<T>();
}
