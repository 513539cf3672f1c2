using Microsoft.Playwright;
using OpsBot.Chat.Playground;
using static Microsoft.Playwright.Assertions;

namespace OpsBot.Tests.Chat.Playground;

/// <summary>The playground page in real headless Chromium (Debian's, driven by Playwright; never a downloaded browser).</summary>
public sealed class PlaygroundBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    /// <summary>The machine has no internet: without these Chromium keeps trying to reach Google.</summary>
    private static readonly string[] OfflineArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    /// <summary>Opens the playground of a fresh host in <paramref name="culture"/>; on failure, a screenshot says what the page showed.</summary>
    private static async Task WithPageAsync(string culture, Func<IPage, List<string>, Task> test)
    {
        SetDefaultExpectTimeout(20_000); // two cores shared with the test run
        Assert.True(File.Exists(Chromium), $"Chromium is missing at {Chromium}. Install it with `apt-get install -y chromium` (scripts/test.sh does this).");
        var playground = await PlaygroundClient.StartAsync(settings: new Dictionary<string, string?> { ["OpsBot:Culture"] = culture });
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
            await test(page, confirmed);
        }
        catch
        {
            var shot = Path.Combine(Path.GetTempPath(), $"opsbot-playground-failure-{culture}.png");
            await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
            Console.Error.WriteLine($"Playground browser test failed; screenshot at {shot}");
            throw;
        }
        finally
        {
            await playground.Host.DisposeAsync();
            playground.Host.Database.Dispose();
        }
    }

    [Fact]
    public Task RunCommand_ShowsTheTable_ButtonUpdatesTheMessage() => WithPageAsync("en", async (page, confirmed) =>
    {
        await Expect(page.Locator("#channel-title")).ToHaveTextAsync("# ops-daily");
        await Expect(page.Locator("#channel-topic")).ToHaveTextAsync("Daily digest and radar");
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
        await Expect(page.Locator(".message.private .badge")).ToHaveTextAsync("Only visible to you");
        Assert.Equal(["Acknowledge for everyone?"], confirmed);
        await Expect(page.Locator(".block-table")).ToHaveCountAsync(0);

        await page.ReloadAsync();
        await Expect(page.Locator(".message.from-bot").First).ToContainTextAsync("Acknowledged by Jonas (ops)");
    });

    [Fact]
    public Task German_LabelsTopicsAndErrorsInGerman() => WithPageAsync("de", async (page, _) =>
    {
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await Expect(page).ToHaveTitleAsync("OpsBot-Spielwiese");
        await Expect(page.Locator(".act-as")).ToContainTextAsync("Handeln als");
        await Expect(page.Locator("#identity option").First).ToHaveTextAsync("Mara (Freigabe)");
        await Expect(page.Locator("#channel-topic")).ToHaveTextAsync("Täglicher Digest und Radar");
        await Expect(page.Locator("#command")).ToHaveAttributeAsync("placeholder", "Befehl eingeben, z. B. /ops help");
        await Expect(page.Locator(".messages .empty")).ToHaveTextAsync("Noch keine Nachrichten. Führe unten einen Befehl aus.");

        await page.FillAsync("#command", "radar");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ausführen" }).ClickAsync();
        await Expect(page.Locator("#error")).ToContainTextAsync("Gib einen Slash-Befehl mit höchstens 2000 Zeichen ein");

        await page.FillAsync("#command", "/sample");
        await page.PressAsync("#command", "Enter");
        await Expect(page.Locator(".block-table .more")).ToHaveTextAsync("… und 4 weitere");
        await Expect(page.Locator(".message.private .badge").First).ToHaveTextAsync("Nur für dich sichtbar");
    });
}
