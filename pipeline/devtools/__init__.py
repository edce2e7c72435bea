"""Tools for whoever develops the pipeline: evaluation against gold, benchmarks, page drawing."""
