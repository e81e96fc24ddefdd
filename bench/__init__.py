"""Benchmarks of Muqabala's speed and scale (run ``muqabala bench`` or ``python -m bench.run_all``).

Each module measures one thing and can run alone: ``align_speed`` (word alignment against
plain simalign), ``pipeline_speed`` (pairs/second of the whole pipeline), ``pairing_scale``
(1,000 English units against 10,000 and 100,000 Arabic sentences), ``model_load`` (cold and
warm). ``run_all`` runs them on the same inputs and prints one table or one JSON object.
"""
