"""Stage 5 of 6, plot: tables to charts, maps and displayed tables, and the one figure writer (`writer.save`, public as `ks.save_figure`)."""
