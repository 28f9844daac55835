using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Ports;

/// <summary>Publishes profile changes for downstream systems and the portal: the Service Bus topic
/// <c>profile-changed</c> in Azure, the Storage Queue <c>profile-changed</c> standalone. At least once: publishing the
/// same <see cref="ProfileChanged"/> again sends it again, under the same message id.</summary>
public interface IProfileChangePublisher
{
    Task PublishAsync(ProfileChanged change, CancellationToken cancellationToken = default);
}
