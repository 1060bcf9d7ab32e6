using Microsoft.Extensions.DependencyInjection;
using Oversight.Notifications;
using Oversight.Organisation;

namespace Oversight.Cli.Commands;

public static class NotifyCommands
{
    public static IReadOnlyList<CliCommand> All { get; } =
    [
        new(["notify", "digests"], "notify digests [--date YYYY-MM-DD]",
            "Makes the daily digests not made yet for the day (default today), at once, as the web host's job does after "
            + "Notifications:DigestHour: first escalates each case overdue by the working days of the rule "
            + $"{DailyDigests.EscalationRule} to the leaders of its unit, then, for each enabled account with an e-mail address "
            + "and digests on, reads its inbox and, when something waits, puts the digest on its notifications page and e-mails "
            + "it. The date chooses only the digest's day (one digest per account and day); its content is the inbox as it "
            + "stands now. Prints how many digests were made and e-mailed and how many accounts were skipped, and why. "
            + "E-mail needs --Smtp:Host, --Smtp:From and --Notifications:BaseUrl (and optionally --Smtp:Port, default 587; "
            + "--Smtp:Security none|starttls|ssl; --Smtp:UserName; the password in the environment, Smtp__Password); "
            + "without them the digests are made but not e-mailed.",
            DigestsAsync),
    ];

    private static async Task<int> DigestsAsync(CommandContext context)
    {
        var day = context.Invocation.DateOption("date") ?? VietnamTime.Today(context.Services.GetRequiredService<TimeProvider>());
        var tally = await context.Services.GetRequiredService<DailyDigests>().RunAsync(day, CancellationToken.None);
        var output = context.Output;
        await output.WriteLineAsync($"Digests of {day:yyyy-MM-dd}: {tally.Created} made, {tally.Emailed} e-mailed.");
        await output.WriteLineAsync($"Skipped: {tally.NothingWaiting} with nothing waiting, {tally.NoAddress} without an e-mail address, "
            + $"{tally.DigestsOff} with digests turned off, {tally.AlreadySent} already made.");
        await output.WriteLineAsync($"Escalations to leaders: {tally.Escalations} made.");
        if (context.Services.GetRequiredService<MailSettings>().Off is { } off)
        {
            await output.WriteLineAsync($"Not e-mailed: {off}.");
        }

        return 0;
    }
}
