using System.CommandLine;

namespace IntegrationHub.Cli.Webhooks;

/// <summary><c>hub webhooks verify</c>: verifies one delivery exactly as the hub would and says why it is not valid —
/// what a marketing engineer runs when a vendor says "your endpoint rejected my webhook".</summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var provider = new Option<string>("--provider") { Description = "Provider id, e.g. stripe or standard-webhooks.", Required = true };
        var secrets = new Option<string[]>("--secret") { Description = "A signing secret (repeat for several).", AllowMultipleArgumentsPerToken = false };
        var publicKeys = new Option<string[]>("--public-key") { Description = "A public key, for vendors that sign asymmetrically." };
        var url = new Option<string?>("--url") { Description = "The URL the vendor posted to (some vendors sign it)." };
        var method = new Option<string>("--method") { Description = "The HTTP method.", DefaultValueFactory = _ => "POST" };
        var now = new Option<string?>("--now") { Description = "The verification clock: unix seconds, unix milliseconds or ISO 8601." };
        var headers = new Option<string[]>("--header") { Description = "A request header as \"Name: value\" (repeat)." };
        var settings = new Option<string[]>("--setting") { Description = "A provider setting as key=value (repeat)." };
        var bodyFile = new Option<FileInfo>("--body-file") { Description = "The raw body, exactly as received.", Required = true };

        var command = new Command("verify", "Verify a delivery's signature; prints 'valid' or the reason it is not.")
        {
            provider, secrets, publicKeys, url, method, now, headers, settings, bodyFile,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new VerifyRequest(
                parse.GetValue(provider)!,
                parse.GetValue(secrets) ?? [],
                parse.GetValue(publicKeys) ?? [],
                parse.GetValue(url),
                parse.GetValue(method)!,
                parse.GetValue(now),
                parse.GetValue(headers) ?? [],
                parse.GetValue(settings) ?? [],
                parse.GetValue(bodyFile)!);
            return await VerifyRunner.RunAsync(request, Console.Out, Console.Error, TimeProvider.System, cancellationToken);
        });
        return command;
    }
}
