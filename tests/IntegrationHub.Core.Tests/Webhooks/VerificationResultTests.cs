using System.Text;
using IntegrationHub.Core.Connectors;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Tests.Webhooks;

public sealed class VerificationResultTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":"evt_1","type":"customer.created"}""");

    [Fact]
    public void DeliveryIdFor_VendorIdInHand_IsThatId()
    {
        var result = VerificationResult.Valid("msg_1");

        Assert.False(result.IsContentDerived);
        Assert.Equal("msg_1", result.DeliveryIdFor(Body));
    }

    [Fact]
    public void DeliveryIdFor_WithoutId_IsDerivedFromTheBody()
    {
        var result = VerificationResult.ValidWithoutId();

        Assert.True(result.IsContentDerived);
        Assert.Null(result.DeliveryId);
        Assert.Equal(ContentDeliveryId.For(Body), result.DeliveryIdFor(Body));
    }

    [Fact]
    public void Valid_AnyKind_AllocatesNothing()
    {
        var reader = VendorDeliveryId.InTopLevelProperty("id");
        var id = "msg_1";
        VerificationResult.Valid(id);
        VerificationResult.ValidWithIdInBody(reader);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var results = (VerificationResult.Valid(id), VerificationResult.ValidWithoutId(), VerificationResult.ValidWithIdInBody(reader));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(results.Item1.IsValid && results.Item2.IsValid && results.Item3.IsValid);
    }

    [Fact]
    public void DeliveryIdFor_IdInBody_IsReadFromTheBody()
    {
        var result = VerificationResult.ValidWithIdInBody(VendorDeliveryId.InTopLevelProperty("id"));

        Assert.False(result.IsContentDerived);
        Assert.Equal("evt_1", result.DeliveryIdFor(Body));
    }

    [Theory]
    [InlineData("""{"type":"customer.created"}""")]
    [InlineData("""{"id":"   "}""")]
    [InlineData("""{"id":7}""")]
    [InlineData("""[{"id":"evt_1"}]""")]
    [InlineData("token=abc&id=evt_1")]
    public void DeliveryIdFor_IdInBodyAbsentOrUnusable_FallsBackToTheContent(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var result = VerificationResult.ValidWithIdInBody(VendorDeliveryId.InTopLevelProperty("id"));

        Assert.Equal(ContentDeliveryId.For(bytes), result.DeliveryIdFor(bytes));
    }

    [Fact]
    public void DeliveryIdFor_IdInBodyLongerThanAKeyAllows_FallsBackToTheContent()
    {
        var bytes = Encoding.UTF8.GetBytes($$"""{"id":"{{new string('x', VendorDeliveryId.MaxLength + 1)}}"}""");
        var result = VerificationResult.ValidWithIdInBody(VendorDeliveryId.InTopLevelProperty("id"));

        Assert.Equal(ContentDeliveryId.For(bytes), result.DeliveryIdFor(bytes));
    }

    [Fact]
    public void DeliveryIdFor_Invalid_Throws()
    {
        var result = VerificationResult.Invalid(WebhookProblem.InvalidSignature("no"));

        Assert.Throws<InvalidOperationException>(() => result.DeliveryIdFor(Body));
    }
}
