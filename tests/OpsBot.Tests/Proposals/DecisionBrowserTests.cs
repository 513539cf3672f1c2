using Microsoft.Playwright;
using OpsBot.Chat.Playground;
using OpsBot.Proposals;
using OpsBot.Tests.Chat.Playground;
using OpsBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace OpsBot.Tests.Proposals;

/// <summary>Reject in the playground page, in real headless Chromium: the reason is asked in the browser's dialog.</summary>
public sealed class DecisionBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly string[] OfflineArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    [Fact]
    public async Task Reject_AsksForTheReasonInADialog_AndTheCardShowsIt()
    {
        SetDefaultExpectTimeout(20_000);
        Assert.True(File.Exists(Chromium), $"Chromium is missing at {Chromium}.");
        using var store = ProposalDesk.NewStore();
        await store.SaveAsync();
        await using var host = await TestHost.StartAsync(ProposalDesk.Settings(store), ProposalDesk.Now);
        using var unused = host.Database; // the host works on the store's file
        var desk = new ProposalDesk(host, store);
        var proposal = (await desk.ProposeAsync(ProposalDesk.SlaRefund("t01"))).Proposal;
        await desk.WaitSentAsync(ProposalBook.CardKey(proposal.Id));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Args = OfflineArgs });
        var page = await browser.NewPageAsync();
        var asked = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            asked.Add(dialog.Message);
            await dialog.AcceptAsync("Fan got a voucher from support");
        };
        await page.GotoAsync($"{host.BaseAddress}#{PlaygroundChannel.OpsApprovals}");
        await page.SelectOptionAsync("#identity", PlaygroundClient.AsApprover);

        await page.GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();

        await Expect(page.Locator(".message.private")).ToContainTextAsync($"You rejected {proposal.Number}");
        await Expect(page.Locator(".message.from-bot").First).ToContainTextAsync("Rejected by Mara");
        await Expect(page.Locator(".message.from-bot").First).ToContainTextAsync("Fan got a voucher from support");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reject" })).ToHaveCountAsync(0);
        Assert.Contains($"Reject {proposal.Number}", Assert.Single(asked));
    }
}
