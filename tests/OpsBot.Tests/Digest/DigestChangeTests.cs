using OpsBot.Digest;

namespace OpsBot.Tests.Digest;

public sealed class DigestChangeTests : IDisposable
{
    private readonly DigestFixture fixture = new();

    private Task<DigestChange> ChangeAsync(string culture = "en") => fixture.GetAsync<DigestChange>(culture);

    public void Dispose() => fixture.Dispose();

    [Theory]
    [InlineData(0.25, 0.20, "25.0% ↑ +5.0 pp")]
    [InlineData(0.20, 0.25, "20.0% ↓ −5.0 pp")]
    [InlineData(0.2, 0.2, "20.0% → ±0.0 pp")]
    [InlineData(0.20004, 0.2, "20.0% → ±0.0 pp")]   // the arrow follows the change as shown
    public async Task Rate_ChangesInPercentagePoints(double now, double before, string expected)
    {
        Assert.Equal(expected, (await ChangeAsync()).Rate(now, before));
    }

    [Fact]
    public async Task Rate_NoFigureOnOneSide_ShowsBothWithoutArrow()
    {
        Assert.Equal("20.0% (week before: n/a)", (await ChangeAsync()).Rate(0.2, null));
    }

    [Theory]
    [InlineData(1500, 0, "€15.00 ↑ +€15.00")]          // nothing the week before: no percentage
    [InlineData(1000, 2000, "€10.00 ↓ −€10.00 (−50.0%)")]
    [InlineData(2000, 2000, "€20.00 → ±€0.00 (±0.0%)")]
    public async Task Money_ChangesInMoneyAndPercent(long now, long before, string expected)
    {
        Assert.Equal(expected, (await ChangeAsync()).Money(now, before));
    }

    [Fact]
    public async Task Hours_German_UsesTheGermanDecimalComma()
    {
        Assert.Equal("2,5 h ↑ +1,2 h", (await ChangeAsync("de")).Hours(2.5, 1.3));
    }
}
