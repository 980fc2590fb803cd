#include "core/domain/ProfileUrl.h"
#include "core/domain/Identity.h"

#include <gtest/gtest.h>

namespace rapport {
namespace {

struct NormalizeCase
{
    const char* input;
    const char* expected;
};

class ProfileUrlNormalize : public ::testing::TestWithParam<NormalizeCase>
{
};

TEST_P(ProfileUrlNormalize, GivesTheIdentityKey)
{
    const NormalizeCase& c = GetParam();
    EXPECT_EQ(ProfileUrl::normalize(QString::fromUtf8(c.input)).toStdString(), std::string(c.expected))
        << "input: " << c.input;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ProfileUrlNormalize,
    ::testing::Values(
        // Scheme, www., query, fragment, trailing slash dropped; slug lower-cased.
        NormalizeCase { "https://www.linkedin.com/in/Jane-Doe-123/?trk=x", "linkedin.com/in/jane-doe-123" },
        NormalizeCase { "linkedin.com/in/jane-doe-123", "linkedin.com/in/jane-doe-123" },
        NormalizeCase { "http://linkedin.com/in/jane-doe-123", "linkedin.com/in/jane-doe-123" },
        NormalizeCase { "HTTPS://WWW.LINKEDIN.COM/IN/JANE-DOE-123", "linkedin.com/in/jane-doe-123" },
        NormalizeCase { "https://www.linkedin.com/in/jane-doe-123#experience", "linkedin.com/in/jane-doe-123" },
        NormalizeCase { "https://www.linkedin.com/in/jane-doe-123///", "linkedin.com/in/jane-doe-123" },
        NormalizeCase { "  https://www.linkedin.com/in/jane-doe-123  ", "linkedin.com/in/jane-doe-123" },
        NormalizeCase { "www.linkedin.com/in/jane-doe-123/?originalSubdomain=uk&trk=a#b",
                        "linkedin.com/in/jane-doe-123" },
        // %-escapes decoded, then lower-cased.
        NormalizeCase { "https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller", "linkedin.com/in/jürgen-müller" },
        NormalizeCase { "https://www.linkedin.com/in/J%C3%9CRGEN", "linkedin.com/in/jürgen" },
        NormalizeCase { "https://www.linkedin.com/in/jürgen-müller/", "linkedin.com/in/jürgen-müller" },
        // Mobile and country hosts are the same site.
        NormalizeCase { "https://m.linkedin.com/in/jane-doe-123", "linkedin.com/in/jane-doe-123" },
        NormalizeCase { "https://uk.linkedin.com/in/jane-doe-123/", "linkedin.com/in/jane-doe-123" },
        // Non-LinkedIn URLs keep their host; only www. and the noise go.
        NormalizeCase { "https://www.example.com/people/Jane/?ref=1", "example.com/people/jane" },
        NormalizeCase { "https://github.com/JaneDoe", "github.com/janedoe" },
        NormalizeCase { "https://example.org", "example.org" }, NormalizeCase { "https://example.org/", "example.org" },
        // Empty in, empty out.
        NormalizeCase { "", "" }, NormalizeCase { "   ", "" }));

TEST(ProfileUrl, DifferentProfilesStayDifferent)
{
    EXPECT_NE(ProfileUrl::normalize(QStringLiteral("linkedin.com/in/jane-doe-123")),
              ProfileUrl::normalize(QStringLiteral("linkedin.com/in/jane-doe-124")));
    EXPECT_NE(ProfileUrl::normalize(QStringLiteral("linkedin.com/in/jane")),
              ProfileUrl::normalize(QStringLiteral("example.com/in/jane")));
}

TEST(ProfileUrl, ValidateAcceptsWebAddressesAndEmpty)
{
    EXPECT_TRUE(ProfileUrl::validate(QString()).isEmpty());
    EXPECT_TRUE(ProfileUrl::validate(QStringLiteral("https://www.linkedin.com/in/ada/")).isEmpty());
    EXPECT_TRUE(ProfileUrl::validate(QStringLiteral("linkedin.com/in/ada")).isEmpty());
}

TEST(ProfileUrl, ValidateRefusesWhatIsNotAUrlWithAReason)
{
    EXPECT_TRUE(ProfileUrl::validate(QStringLiteral("Ada Lovelace")).contains(QStringLiteral("spaces")));
    EXPECT_TRUE(ProfileUrl::validate(QStringLiteral("ftp://linkedin.com/in/ada")).contains(QStringLiteral("ftp")));
    EXPECT_FALSE(ProfileUrl::validate(QStringLiteral("mailto:ada@example.com")).isEmpty());
    EXPECT_FALSE(ProfileUrl::validate(QStringLiteral("localhost/in/ada")).isEmpty());
    EXPECT_FALSE(ProfileUrl::validate(QStringLiteral("https://")).isEmpty());
}

// An import checks each row's URL with check(); it must say exactly what validate() and normalize() say,
// for LinkedIn's own shape (which skips QUrl) and for everything else.
TEST(ProfileUrl, CheckAgreesWithValidateAndNormalize)
{
    for (const char* input : { "https://www.linkedin.com/in/Jane-Doe-123",
                               "https://www.linkedin.com/in/jane_doe-123/",
                               "http://linkedin.com/in/jane-doe-123///",
                               "https://linkedin.com/",
                               "https://linkedin.com",
                               "https://www.linkedin.com/company/ACME/",
                               "https://www.linkedin.com/in/j%C3%BCrgen",
                               "https://www.linkedin.com/in/jürgen-müller",
                               "https://www.linkedin.com/in/jane?trk=x",
                               "https://www.linkedin.com:443/in/jane",
                               "https://www.linkedin.com.evil.example/in/jane",
                               "https://www.linkedin.com/in/jane doe",
                               "  https://www.linkedin.com/in/jane  ",
                               "linkedin.com/in/jane",
                               "HTTPS://WWW.LINKEDIN.COM/IN/JANE",
                               "https://uk.linkedin.com/in/jane",
                               "ftp://linkedin.com/in/jane",
                               "mailto:jane@example.com",
                               "localhost/in/jane",
                               "https://",
                               "Jane Doe",
                               "",
                               "   " }) {
        const QString url = QString::fromUtf8(input);
        const ProfileUrl::Checked checked = ProfileUrl::check(url);
        EXPECT_EQ(checked.problem, ProfileUrl::validate(url)) << input;
        EXPECT_EQ(checked.key, checked.problem.isEmpty() ? ProfileUrl::normalize(url) : QString()) << input;
    }
    EXPECT_EQ(ProfileUrl::check(QStringLiteral("https://www.linkedin.com/in/Jane_Doe-123/")).key,
              QStringLiteral("linkedin.com/in/jane_doe-123"));
    EXPECT_EQ(ProfileUrl::normalize(QStringLiteral("https://www.linkedin.com.evil.example/in/jane")),
              QStringLiteral("linkedin.com.evil.example/in/jane"));
}

Contact withUrlAndEmail(const char* url, const char* email)
{
    Contact contact;
    contact.firstName = QStringLiteral("Jane");
    contact.profileUrl = QString::fromUtf8(url);
    contact.email = QString::fromUtf8(email);
    return contact;
}

TEST(Identity, SameNormalizedUrlIsSamePerson)
{
    EXPECT_TRUE(Identity::samePerson(withUrlAndEmail("https://www.linkedin.com/in/Jane-Doe-123/?trk=x", ""),
                                     withUrlAndEmail("linkedin.com/in/jane-doe-123", "")));
}

TEST(Identity, DifferentUrlsAreDifferentPeopleEvenWithTheSameEmail)
{
    EXPECT_FALSE(Identity::samePerson(withUrlAndEmail("linkedin.com/in/a", "x@example.com"),
                                      withUrlAndEmail("linkedin.com/in/b", "x@example.com")));
}

TEST(Identity, EmailDecidesWhenAUrlIsMissing)
{
    EXPECT_TRUE(Identity::samePerson(withUrlAndEmail("linkedin.com/in/a", " Jane@Example.COM "),
                                     withUrlAndEmail("", "jane@example.com")));
    EXPECT_FALSE(Identity::samePerson(withUrlAndEmail("", "jane@example.com"), withUrlAndEmail("", "joe@example.com")));
}

TEST(Identity, NamesAloneNeverMakeOnePerson)
{
    EXPECT_FALSE(Identity::samePerson(withUrlAndEmail("", ""), withUrlAndEmail("", "")));
}

} // namespace
} // namespace rapport
