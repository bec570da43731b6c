using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Decrim.Web.Pages;

/// <summary>What monitoring keeps and does not keep, in plain words, with the numbers this server is configured with.</summary>
public sealed class PrivacyModel(DecrimOptions options) : PageModel
{
    public DecrimOptions Options => options;
    public void OnGet() { }
}
