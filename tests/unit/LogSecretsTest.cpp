// core::withoutSecrets: a connection string's password never reaches the terminal.
#include <gtest/gtest.h>

#include "core/Log.h"

namespace corridor::core {
namespace {

TEST(LogSecrets, PasswordsAreShownAsStars) {
  EXPECT_EQ(withoutSecrets("PG:dbname=ais password=hunter2 host=db: cannot connect"),
            "PG:dbname=ais password=*** host=db: cannot connect");
  EXPECT_EQ(withoutSecrets("PG:password='two words' dbname=x"), "PG:password=*** dbname=x");
  EXPECT_EQ(withoutSecrets("a password=x and password=y"), "a password=*** and password=***");
  EXPECT_EQ(withoutSecrets("PG:dbname=ais password="), "PG:dbname=ais password=***");
  EXPECT_EQ(withoutSecrets("nothing to hide"), "nothing to hide");
}

TEST(LogSecrets, TheLogShowsNoPassword) {
  std::string seen;
  setLogSink([&](LogLevel, std::string_view message) { seen = message; });
  logError("PG:dbname=ais password=hunter2: gone");
  setLogSink(nullptr);
  EXPECT_EQ(seen, "PG:dbname=ais password=*** gone");  // the value runs to the next space, colon and all
}

}  // namespace
}  // namespace corridor::core
