using IntegrationHub.Core.Matching;
using IntegrationHub.Core.Matching.Pipeline;
using IntegrationHub.Core.Ports;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Infrastructure.Matching;

/// <summary>The model named by <c>Hub:Matching:ModelPath</c>, read once (start-up validation has already proved it
/// reads); null when no path is set.</summary>
public sealed class MatchModelFile(IOptions<MatchingOptions> options) : IMatchModelSource
{
    private readonly Lazy<MatchModel?> _model = new(() => Load(options.Value));

    public MatchModel? Model => _model.Value;

    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="FormatException">The file is not a model this hub can use.</exception>
    public static MatchModel? Load(MatchingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Enabled ? MatchModelJson.Parse(File.ReadAllText(options.ModelPath!)) : null;
    }
}
