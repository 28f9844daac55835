using System.CommandLine;
using IntegrationHub.Cli.Operations;

namespace IntegrationHub.Cli.Tests.Operations;

/// <summary>How <c>hub replay</c>'s command line parses: the exact flags, and the watch and cancel subcommands.</summary>
public sealed class ReplayCommandTests
{
    [Fact]
    public void Parse_StartFlags_ReadIntoTheirOptions()
    {
        var parse = Root().Parse(["replay", "--connection", "shop", "--from", "1795132800", "--to", "2026-11-21T00:00:00Z", "--url", "http://127.0.0.1:9000/", "--key", "k", "--no-follow"]);

        Assert.Empty(parse.Errors);
        Assert.Equal("replay", parse.CommandResult.Command.Name);
        Assert.Equal("shop", parse.GetValue<string?>("--connection"));
        Assert.Equal("1795132800", parse.GetValue<string?>("--from"));
        Assert.Equal("2026-11-21T00:00:00Z", parse.GetValue<string?>("--to"));
        Assert.True(parse.GetValue<bool>("--no-follow"));
    }

    [Theory]
    [InlineData("status")]
    [InlineData("cancel")]
    public void Parse_Subcommand_TakesTheJobId(string verb)
    {
        var parse = Root().Parse(["replay", verb, "0123456789abcdef01234567", "--url", "http://127.0.0.1:9000/"]);

        Assert.Empty(parse.Errors);
        Assert.Equal(verb, parse.CommandResult.Command.Name);
        Assert.Equal("0123456789abcdef01234567", parse.GetValue<string>("id"));
    }

    [Theory]
    [InlineData("replay", "--connection", "shop", "--since", "yesterday")]
    [InlineData("replay", "--url", "not a url", "--connection", "shop")]
    [InlineData("replay", "cancel")]
    public void Parse_UnknownFlagBadUrlOrMissingId_Errors(params string[] arguments)
    {
        Assert.NotEmpty(Root().Parse(arguments).Errors);
    }

    private static RootCommand Root() => new() { ReplayCommand.Create() };
}
