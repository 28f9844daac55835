using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Ports;

/// <summary>An event's facts as stored: what profiles and timelines are rebuilt from after a merge or a split.</summary>
public sealed record StoredEvent(EventRef Ref, PersonTraits Traits, Interaction Interaction);
