using Microsoft.Playwright;
using OpsBot.Chat.Playground;
using static Microsoft.Playwright.Assertions;

namespace OpsBot.Tests.Chat.Playground;

/// <summary>The playground page in real headless Chromium (Debian's, driven by Playwright; never a downloaded browser).</summary>
public sealed class PlaygroundBrowserTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";

    /// <summary>The machine has no internet: without these Chromium keeps trying to reach Google.</summary>
    private static readonly string[] OfflineArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private PlaygroundClient playground = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(20_000); // two cores shared with the test run
        playground = await PlaygroundClient.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await playground.Host.DisposeAsync();
        playground.Host.Database.Dispose();
    }

    [Fact]
    public async Task RunCommand_ShowsTheTable_ButtonUpdatesTheMessage()
    {
        Assert.True(File.Exists(Chromium), $"Chromium is missing at {Chromium}. Install it with `apt-get install -y chromium` (scripts/test.sh does this).");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Args = OfflineArgs });
        var page = await browser.NewPageAsync();
        var confirmed = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            confirmed.Add(dialog.Message);
            await dialog.AcceptAsync();
        };
        try
        {
            await page.GotoAsync(playground.Host.BaseAddress.ToString());
            await Expect(page.Locator("#channel-title")).ToHaveTextAsync("# ops-daily");
            await page.SelectOptionAsync("#identity", PlaygroundClient.AsOps);

            await page.FillAsync("#command", "/sample 6 @anna public");
            await page.PressAsync("#command", "Enter");

            var table = page.Locator(".block-table");
            await Expect(table.Locator("tbody tr")).ToHaveCountAsync(3);
            await Expect(table.Locator(".more")).ToHaveTextAsync("… and 4 more");
            // The markup in a cell is shown as text, never run as HTML.
            await Expect(table.Locator("tbody tr").Nth(2).Locator("td").First).ToHaveTextAsync(SampleCommand.Markup);
            await Expect(page.Locator(".messages img[src='x']")).ToHaveCountAsync(0);
            await Expect(page.Locator(".block-image img")).ToHaveJSPropertyAsync("naturalWidth", 16);
            await Expect(page.Locator("a.file")).ToHaveAttributeAsync("download", "sample.csv");

            await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();

            await Expect(page.Locator(".message.from-bot").First).ToContainTextAsync("Acknowledged by Jonas (ops)");
            await Expect(page.Locator(".message.private")).ToContainTextAsync("Noted, Jonas (ops)");
            Assert.Equal(["Acknowledge for everyone?"], confirmed);
            await Expect(page.Locator(".block-table")).ToHaveCountAsync(0);

            await page.ReloadAsync();
            await Expect(page.Locator(".message.from-bot").First).ToContainTextAsync("Acknowledged by Jonas (ops)");
        }
        catch
        {
            var shot = Path.Combine(Path.GetTempPath(), "opsbot-playground-failure.png");
            await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
            Console.Error.WriteLine($"Playground browser test failed; screenshot at {shot}");
            throw;
        }
    }
}
