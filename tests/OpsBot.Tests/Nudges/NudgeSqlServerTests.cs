using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using OpsBot.Data;
using OpsBot.Formatting;
using OpsBot.Nudges;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Nudges;

/// <summary>The nudges' own queries, translated by the production SQL Server provider with no server (see OfflineSqlServer).</summary>
public sealed class NudgeSqlServerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 13, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Crossings_OnSqlServer_TranslateToTSql()
    {
        using var server = new OfflineSqlServer();
        using var scope = server.NewScope();

        await new NudgeCrossings(scope.ServiceProvider.GetRequiredService<OpsDbContext>()).AsOfAsync(Now, [TimeSpan.FromHours(12), TimeSpan.FromHours(2)], CancellationToken.None);

        // The open threads near their deadline (the radar's UNION ALL), then the crossings already recorded.
        Assert.Equal(2, server.Commands.Count);
        Assert.Contains("UNION ALL", server.Commands[0], StringComparison.Ordinal);
        Assert.All(server.Commands, AssertTSql);
    }

    [Fact]
    public async Task Listing_OnSqlServer_TranslatesToTSql()
    {
        using var server = new OfflineSqlServer();
        using var scope = server.NewScope();
        var db = scope.ServiceProvider.GetRequiredService<OpsDbContext>();
        var clock = new FakeTimeProvider(Now);
        var format = new OpsFormat(Options.Create(new OpsBotOptions()));
        var list = new NudgeList(db, new NudgeSettings(db, new OpsBot.Audit.AuditLog(db, clock), clock), format, new OpsText(format), clock);

        await list.BuildAsync(NudgeData.Creator("c_anna", "anna"), CancellationToken.None);

        // Count, the newest rows, their handles, the creator's setting.
        Assert.Equal(4, server.Commands.Count);
        Assert.Contains(server.Commands, sql => sql.Contains("ORDER BY [n].[At] DESC", StringComparison.Ordinal));
        Assert.All(server.Commands, AssertTSql);
    }

    private static void AssertTSql(string sql)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        Assert.Empty(errors);
        Assert.DoesNotContain("LIMIT", sql, StringComparison.Ordinal);
    }
}
