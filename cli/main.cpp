#include "src/app.h"

int main(int argc, char** argv) {
  return gctq::cli::Main(argc, argv);
}
