using Microsoft.Extensions.DependencyInjection;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using OpsBot.Data;
using OpsBot.Digest;
using OpsBot.Metrics;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Digest;

/// <summary>The price review's own queries, translated by the production SQL Server provider with no server (see OfflineSqlServer).</summary>
public sealed class PriceReviewSqlServerTests
{
    [Fact]
    public async Task PriceReview_OnSqlServer_TranslatesEveryCommandToTSql()
    {
        using var server = new OfflineSqlServer();
        using var scope = server.NewScope();
        var asOf = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        var query = new PriceReviewQuery(scope.ServiceProvider.GetRequiredService<OpsDbContext>(), Microsoft.Extensions.Options.Options.Create(new DigestOptions()));
        // The offline server answers "1" for every handle: make creator "1" an answer-rate outlier so every branch runs.
        CreatorOutlier outlier = new("1", "1", 0.2, null, [OutlierReason.AnswerRate], 5, 0, null);

        await query.RunAsync(new Period(asOf.AddDays(-7), asOf), asOf, [outlier]);

        // Slow fast lanes, active creators counted, the median by rank, the candidates' prices and factors.
        Assert.Equal(4, server.Commands.Count);
        Assert.All(server.Commands, sql =>
        {
            new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
            Assert.Empty(errors);
            Assert.DoesNotContain("LIMIT", sql, StringComparison.Ordinal);
        });
    }
}
