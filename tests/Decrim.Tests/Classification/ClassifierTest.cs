using Decrim.Classification;

namespace Decrim.Tests.Classification;

public class ClassifierTest
{
    /// <summary>Seed 003 (INPUD 2021), Table 1: the eight study countries and their models.</summary>
    [Theory]
    [InlineData("NO", Model.Depenalisation)]
    [InlineData("NL", Model.PoliceDiversion)]
    [InlineData("EE", Model.PoliceDiversion)]
    [InlineData("KG", Model.DecriminalisationWithAdministrativeSanctions)]
    [InlineData("VN", Model.DecriminalisationWithAdministrativeSanctions)]
    [InlineData("PT", Model.DecriminalisationWithDiversion)]
    [InlineData("CR", Model.DecriminalisationWithNoSanctions)]
    [InlineData("UY", Model.DecriminalisationWithNoSanctions)]
    public void Classify_StudyCountriesOn2021_06_01_ReproduceTable1(string code, Model expected)
    {
        var c = Classifier.Classify(Repo.Catalogue.Get(code), new DateOnly(2021, 6, 1));
        Assert.Equal(expected, c.Headline);
    }

    /// <summary>Heroin, non-dependent adults: the cell that reform changes (cannabis may be regulated throughout).</summary>
    [Theory]
    [InlineData("NO", "2015-01-01", Model.Prohibition, "2021-06-01", Model.Depenalisation)]
    [InlineData("US-OR", "2020-06-01", Model.Prohibition, "2022-06-01", Model.DecriminalisationWithDiversion)]
    [InlineData("US-OR", "2022-06-01", Model.DecriminalisationWithDiversion, "2024-09-01", Model.Prohibition)]
    [InlineData("CA-BC", "2020-06-01", Model.Prohibition, "2022-06-01", Model.Depenalisation)]
    [InlineData("CA-BC", "2022-06-01", Model.Depenalisation, "2023-06-01", Model.DecriminalisationWithNoSanctions)]
    [InlineData("CA-BC", "2023-06-01", Model.DecriminalisationWithNoSanctions, "2024-06-01", Model.Depenalisation)]
    public void Classify_ReformedJurisdictions_ChangeOverTime(string code, string before, Model modelBefore, string after, Model modelAfter)
    {
        var policy = Repo.Catalogue.Get(code);
        Model HeroinAdults(string date) =>
            Classifier.Classify(policy, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).Cells.Single(c => c is { Group: "opioids", Population: "adults" }).Model;
        Assert.Equal(modelBefore, HeroinAdults(before));
        Assert.Equal(modelAfter, HeroinAdults(after));
    }

    [Fact]
    public void Classify_NorwayAfter2022_DiffersByPopulation()
    {
        var c = Classifier.Classify(Repo.Catalogue.Get("NO"), new DateOnly(2023, 6, 1));
        Assert.Equal("dependent adults only", c.Scope);
        Assert.False(c.Uniform);
        Assert.Equal(Model.Prohibition, c.Cells.Single(x => x is { Group: "opioids", Population: "adults" }).Model);
        Assert.Equal(Model.Depenalisation, c.Cells.Single(x => x is { Group: "opioids", Population: "dependent adults" }).Model);
    }

    [Fact]
    public void Timeline_Norway_ListsEveryVersionInOrder()
    {
        var t = Classifier.Timeline(Repo.Catalogue.Get("NO"));
        Assert.Equal(Repo.Catalogue.Get("NO").Versions.Count, t.Count);
        Assert.Equal(Model.Prohibition, t[0].Headline);
        Assert.Equal(Model.Depenalisation, t[1].Headline);
    }
}
