using AgentSpec.Tests.Infrastructure;

namespace AgentSpec.Tests.Binding;

/// <summary><see cref="SpecLoader.ResolveRoots"/>: what a path stands for when each root is checked on its own.</summary>
public sealed class ResolveRootsTests
{
    [Fact]
    public void A_file_is_its_own_root()
    {
        using var folder = new TempDirectory();
        var file = folder.Write("a.ias", "package \"a\"\n");

        Assert.Equal([file], SpecLoader.ResolveRoots(file));
    }

    [Fact]
    public void A_directory_with_an_index_is_one_package_even_with_other_files()
    {
        using var folder = new TempDirectory();
        var index = folder.Write("index.ias", "package \"a\"\n");
        folder.Write("other.ias", "package \"b\"\n");

        Assert.Equal([index], SpecLoader.ResolveRoots(folder.Path));
    }

    [Fact]
    public void A_directory_with_one_file_is_one_package()
    {
        using var folder = new TempDirectory();
        var only = folder.Write("only.ias", "package \"a\"\n");

        Assert.Equal([only], SpecLoader.ResolveRoots(folder.Path));
    }

    [Fact]
    public void Any_other_directory_stands_for_each_file_directly_in_it_in_ordinal_order()
    {
        using var folder = new TempDirectory();
        var b = folder.Write("b.ias", "package \"b\"\n");
        var a = folder.Write("a.ias", "package \"a\"\n");
        folder.Write("nested/c.ias", "package \"c\"\n");
        folder.Write("notes.txt", "not a spec\n");

        Assert.Equal([a, b], SpecLoader.ResolveRoots(folder.Path));
    }

    [Fact]
    public void A_missing_path_or_a_directory_without_specs_throws_FileNotFoundException()
    {
        using var folder = new TempDirectory();
        folder.Write("notes.txt", "not a spec\n");

        Assert.Throws<FileNotFoundException>(() => SpecLoader.ResolveRoots(System.IO.Path.Combine(folder.Path, "missing.ias")));
        Assert.Throws<FileNotFoundException>(() => SpecLoader.ResolveRoots(folder.Path));
    }
}
