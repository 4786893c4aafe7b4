namespace AgentSpec.Tests.Formatting;

/// <summary>Comment attachment and blank-line rules of the formatter (spec §9.5).</summary>
public sealed class CommentFormatTests
{
    private const string Header = "package \"c\" version \"1.0.0\" lang \"2.0\"";

    private static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    private static void AssertFormats(string input, string expected)
    {
        var result = SpecFormatter.FormatText(input, "comments.ias");
        Assert.True(result.Success, string.Join("; ", result.Diagnostics));
        Assert.Equal(expected, result.FormattedText);
        FormatAssertions.FormatsCanonically(input, "comments.ias");
    }

    [Fact]
    public void Header_comments_stay_first_and_a_blank_run_before_the_header_becomes_one()
    {
        AssertFormats(
            Lines("", "", "# licence", "", "", "// owner: ops", "", "", Header, "prompt \"p\" { content \"x\" }"),
            Lines("# licence", "", "// owner: ops", "", Header, "", "prompt \"p\" {", "  content \"x\"", "}"));
    }

    [Fact]
    public void Trailing_comment_after_a_one_line_block_trails_its_closing_brace()
    {
        AssertFormats(
            Lines(Header, "agent \"a\" { uses prompt \"p\" model \"m\" }   # compact", "prompt \"p\" { content \"x\" } // short"),
            Lines(
                Header, "", "agent \"a\" {", "  uses prompt \"p\"", "  model \"m\"", "} # compact", "", "prompt \"p\" {",
                "  content \"x\"", "} // short"));
    }

    [Fact]
    public void Trailing_comments_follow_their_items_when_reordered()
    {
        AssertFormats(
            Lines(Header, "agent \"a\" {", "  model \"m\"     # the model", "  uses prompt \"p\" # the prompt", "}"),
            Lines(Header, "", "agent \"a\" {", "  uses prompt \"p\" # the prompt", "  model \"m\" # the model", "}"));
    }

    [Fact]
    public void Comment_after_an_opening_brace_trails_the_brace()
    {
        AssertFormats(
            Lines(Header, "agent \"a\" {   # main agent", "  model \"m\"", "  memory { # short memory", "    max_messages 5", "  }", "}"),
            Lines(Header, "", "agent \"a\" { # main agent", "  model \"m\"", "  memory { # short memory", "    max_messages 5", "  }", "}"));
    }

    [Fact]
    public void Closing_comments_print_before_the_closing_brace_after_one_blank_line()
    {
        AssertFormats(
            Lines(Header, "agent \"a\" {", "  model \"m\"", "", "", "  # todo: add skills", "  # and a budget", "}", "deploy \"d\" target \"process\" {", "  # nothing yet", "}"),
            Lines(
                Header, "", "agent \"a\" {", "  model \"m\"", "", "  # todo: add skills", "  # and a budget", "}", "",
                "deploy \"d\" target \"process\" {", "  # nothing yet", "}"));
    }

    [Fact]
    public void End_comments_follow_the_last_statement_after_one_blank_line()
    {
        AssertFormats(
            Lines(Header, "prompt \"p\" { content \"x\" }", "# end one", "", "", "", "# end two"),
            Lines(Header, "", "prompt \"p\" {", "  content \"x\"", "}", "", "# end one", "", "# end two"));
    }

    [Fact]
    public void End_comment_without_a_final_line_break_is_kept()
    {
        var result = SpecFormatter.FormatText(Header + "\n# last", "c.ias");

        Assert.Equal(Lines(Header, "", "# last"), result.FormattedText);
    }

    [Fact]
    public void Blank_lines_are_removed_except_before_commented_items_and_inside_comment_groups()
    {
        AssertFormats(
            Lines(
                Header, "agent \"a\" {", "  uses prompt \"p\"", "", "", "  # the model", "", "", "  # is small", "", "  model \"m\"",
                "", "", "  max_turns 3", "", "  max_tokens 5", "}"),
            Lines(
                Header, "", "agent \"a\" {", "  uses prompt \"p\"", "", "  # the model", "", "  # is small", "", "  model \"m\"",
                "  max_turns 3", "  max_tokens 5", "}"));
    }

    [Fact]
    public void A_commented_item_moved_to_the_front_gets_no_blank_line_before_its_comments()
    {
        AssertFormats(
            Lines(Header, "agent \"a\" {", "  model \"m\"", "", "  # which prompt", "  uses prompt \"p\"", "}"),
            Lines(Header, "", "agent \"a\" {", "  # which prompt", "  uses prompt \"p\"", "  model \"m\"", "}"));
    }

    [Fact]
    public void Leading_comments_of_statements_follow_the_separating_blank_line()
    {
        AssertFormats(
            Lines(Header, "# the prompt", "", "", "prompt \"p\" { content \"x\" }", "", "", "", "# the agent", "agent \"a\" { model \"m\" }"),
            Lines(
                Header, "", "# the prompt", "", "prompt \"p\" {", "  content \"x\"", "}", "", "# the agent", "agent \"a\" {",
                "  model \"m\"", "}"));
    }

    [Fact]
    public void Comments_in_multi_line_lists_lead_elements_trail_them_or_close_the_list()
    {
        AssertFormats(
            Lines(
                Header, "agent \"a\" {", "  models [", "    # primary", "    \"m1\",   # fast", "    \"m2\"  // fallback", "    # end of chain",
                "  ]", "}"),
            Lines(
                Header, "", "agent \"a\" {", "  models [", "    # primary", "    \"m1\", # fast", "    \"m2\", // fallback",
                "    # end of chain", "  ]", "}"));
    }

    [Fact]
    public void Comments_inside_expressions_move_to_the_leading_comments_of_the_statement()
    {
        AssertFormats(
            Lines(
                Header, "agent \"a\" {", "  model \"m\"", "  on input {", "    if input == \"a\" && # first check",
                "       input != \"b\" {", "      respond \"x\"", "    } # after if", "    else {", "      respond \"y\"", "    }", "  }", "}"),
            Lines(
                Header, "", "agent \"a\" {", "  model \"m\"", "  on input {", "    # first check", "    # after if",
                "    if input == \"a\" && input != \"b\" {", "      respond \"x\"", "    } else {", "      respond \"y\"", "    }",
                "  }", "}"));
    }

    [Fact]
    public void Comment_between_a_config_parameter_and_its_description_leads_the_parameter()
    {
        AssertFormats(
            Lines(
                Header, "agent \"a\" {", "  model \"m\"", "  config {", "    # tuning", "    depth int default 3  # not on this line",
                "      \"How deep to search\" # describes depth", "  }", "}"),
            Lines(
                Header, "", "agent \"a\" {", "  model \"m\"", "  config {", "    # tuning", "    # not on this line",
                "    depth int default \"3\"", "      \"How deep to search\" # describes depth", "  }", "}"));
    }

    [Fact]
    public void Comments_in_eval_cases_stay_with_their_items()
    {
        AssertFormats(
            Lines(
                Header, "agent \"a\" {", "  model \"m\"", "  eval {", "    case greet", "      # the question", "      expect \"hi\"",
                "      input \"hello\" # polite", "    # second case", "    case bye input \"bye\" expect \"ciao\"", "    # no more cases",
                "  }", "}"),
            Lines(
                Header, "", "agent \"a\" {", "  model \"m\"", "  eval {", "    case greet", "      input \"hello\" # polite",
                "      # the question", "      expect \"hi\"", "    # second case", "    case bye", "      input \"bye\"",
                "      expect \"ciao\"", "    # no more cases", "  }", "}"));
    }

    [Fact]
    public void Comments_inside_single_line_constructs_move_before_them()
    {
        AssertFormats(
            Lines(
                Header, "agent \"a\" {", "  model \"m\"", "  on input {", "    use skill search with {", "      q: input, # the query",
                "      n: 3", "    } # search first", "  }", "}"),
            Lines(
                Header, "", "agent \"a\" {", "  model \"m\"", "  on input {", "    # the query",
                "    use skill search with { q: input, n: 3 } # search first", "  }", "}"));
    }
}
