// Shared message for the compile-only stand-ins (not part of any real package; internal to this surface).
namespace OfflineSdk.DurableTask;

internal static class Messages
{
    internal const string CompileOnly =
        "Compile-only surface (eng/offline-sdk): restore the real Durable Task packages to run this.";
}
