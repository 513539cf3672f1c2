using System.Net;
using Microsoft.EntityFrameworkCore;
using OpsBot.Tests.Fixtures;

namespace OpsBot.Tests.Data;

public sealed class HostStartupTests
{
    [Fact]
    public async Task Start_OnEmptySqliteFile_MigratesAndServesHealth()
    {
        using var db = new TestDatabase(migrate: false);
        await using var host = await TestHost.StartAsync(database: db);

        var response = await host.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(File.Exists(db.Path));
        await using var ctx = db.NewContext();
        Assert.Empty(await ctx.Database.GetPendingMigrationsAsync());
    }
}
