using System.Xml.Linq;
using Decrim.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Decrim.Web.Monitoring;

/// <summary>ASP.NET Core's data-protection keys in the database (<see cref="KeyRing"/>), so anti-forgery tokens and sign-in cookies made by one instance are honoured by the others.</summary>
public sealed class KeyRingXml(KeyRing ring) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => ring.All().Select(x => XElement.Parse(x)).ToList();

    public void StoreElement(XElement element, string friendlyName) => ring.Store(friendlyName, element.ToString(SaveOptions.DisableFormatting));
}
