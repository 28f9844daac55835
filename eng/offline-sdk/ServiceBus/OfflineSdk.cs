// Shared message for the compile-only stand-ins (not part of any real package; internal to this surface).
namespace OfflineSdk.ServiceBus;

internal static class Messages
{
    internal const string CompileOnly =
        "Compile-only surface (eng/offline-sdk): restore the real Azure.Messaging.ServiceBus / Service Bus worker extension packages to run this.";
}
