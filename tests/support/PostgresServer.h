#pragma once
// A throwaway PostgreSQL cluster with PostGIS for one test: initdb in a temporary folder, the
// server on a socket in that folder only (no TCP), a database "corridor" with the postgis
// extension; stopped and removed by the destructor. A test killed outright (SIGKILL, a CI
// timeout) leaves its cluster running: the next one stops and removes it, as the test process
// named in its owner.pid is gone. As root (CI), the cluster runs as the
// `postgres` user, since PostgreSQL refuses to run as root. A missing installation fails the test:
// scripts/lib/packages.txt installs it.
#include <gtest/gtest.h>
#include <pwd.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace corridor::test {

class PostgresServer {
 public:
  PostgresServer() {
    bin_ = findBinaries();
    if (bin_.empty()) {
      ADD_FAILURE() << "PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb); scripts/lib/packages.txt lists it";
      return;
    }
    const passwd* user = ::geteuid() == 0 ? ::getpwnam("postgres") : nullptr;
    if (user) asUser_ = "runuser -u postgres -- ";
    sweepAbandonedClusters();
    char pattern[] = "/tmp/corridor-pg-XXXXXX";
    if (!::mkdtemp(pattern)) {
      ADD_FAILURE() << "cannot make a folder for the cluster";
      return;
    }
    dir_ = pattern;
    std::ofstream(dir_ / "owner.pid") << ::getpid() << "\n";
    if (::geteuid() == 0 && (!user || ::chown(dir_.c_str(), user->pw_uid, user->pw_gid) != 0)) {
      ADD_FAILURE() << "cannot hand " << dir_ << " to the postgres user";
      return;
    }
    const std::string data = (dir_ / "data").string();
    ok_ = run(bin("initdb") + " -D " + data + " -A trust -U postgres -E UTF8 --no-locale --no-sync > " + (dir_ / "initdb.log").string() + " 2>&1") &&
          run(bin("pg_ctl") + " -D " + data + " -o \"-k " + dir_.string() + " -c listen_addresses='' -c fsync=off\" -l " +
              (dir_ / "server.log").string() + " -w start > /dev/null") &&
          run(bin("psql") + " -q -h " + dir_.string() + " -U postgres -d postgres -c 'CREATE DATABASE corridor'") &&
          run(bin("psql") + " -q -h " + dir_.string() + " -U postgres -d corridor -c 'CREATE EXTENSION postgis'");
    if (!ok_) {
      ADD_FAILURE() << "could not start a PostgreSQL cluster in " << dir_ << "\ninitdb: " << tail(dir_ / "initdb.log")
                    << "\nserver: " << tail(dir_ / "server.log");
    }
  }
  ~PostgresServer() {
    if (dir_.empty()) return;
    run(bin("pg_ctl") + " -D " + (dir_ / "data").string() + " -m immediate stop > /dev/null 2>&1");
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;

  bool ok() const { return ok_; }
  const std::filesystem::path& folder() const { return dir_; }
  // The GDAL connection string of the test database.
  std::string archive() const { return "PG:host=" + dir_.string() + " dbname=corridor user=postgres"; }
  // Runs SQL through psql; false when it fails.
  bool sql(const std::string& statement) const {
    return run(bin("psql") + " -q -h " + dir_.string() + " -U postgres -d corridor -c \"" + statement + "\" > /dev/null");
  }
  // The first value psql prints for a query.
  std::string value(const std::string& query) const {
    const std::filesystem::path out = dir_ / "value.txt";
    run(bin("psql") + " -At -h " + dir_.string() + " -U postgres -d corridor -c \"" + query + "\" > " + out.string());
    std::string text;
    if (FILE* file = std::fopen(out.c_str(), "r")) {
      char line[256] = {};
      if (std::fgets(line, sizeof line, file)) text = line;
      std::fclose(file);
    }
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    return text;
  }

 private:
  // The newest installed version that has PostGIS.
  static std::filesystem::path findBinaries() {
    std::error_code error;
    std::filesystem::path found;
    for (const auto& version : std::filesystem::directory_iterator("/usr/lib/postgresql", error)) {
      const std::string number = version.path().filename().string();
      const bool postgis = std::filesystem::exists("/usr/share/postgresql/" + number + "/extension/postgis.control");
      if (postgis && std::filesystem::exists(version.path() / "bin" / "initdb") &&
          (found.empty() || std::stoi(number) > std::stoi(found.parent_path().filename().string()))) {
        found = version.path() / "bin";
      }
    }
    return found;
  }
  static std::string tail(const std::filesystem::path& log) {
    std::ifstream in(log);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return text.size() > 2000 ? text.substr(text.size() - 2000) : text;
  }
  std::string bin(const char* name) const { return (bin_ / name).string(); }
  // Clusters whose test process no longer runs: stopped and removed. A cluster still being made
  // (no owner.pid yet) or of a running test is left alone.
  void sweepAbandonedClusters() const {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator("/tmp", error)) {
      if (!entry.path().filename().string().starts_with("corridor-pg-")) continue;
      std::ifstream owner(entry.path() / "owner.pid");
      pid_t pid = 0;
      if (!(owner >> pid) || pid <= 0 || ::kill(pid, 0) == 0 || errno != ESRCH) continue;
      run(bin("pg_ctl") + " -D " + (entry.path() / "data").string() + " -m immediate stop > /dev/null 2>&1");
      std::filesystem::remove_all(entry.path(), error);
    }
  }
  // From / (the postgres user may not enter the test's folder, and PostgreSQL's programs change
  // back into it) and without the sanitizer build's LD_PRELOAD (an instrumented library they
  // cannot load).
  bool run(const std::string& command) const {
    return std::system(("cd / && env -u LD_PRELOAD " + asUser_ + command).c_str()) == 0;
  }

  std::filesystem::path bin_, dir_;
  std::string asUser_;
  bool ok_ = false;
};

}  // namespace corridor::test
