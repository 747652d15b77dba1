"""P2–P7 checking: judge any decline letter on its own terms.

The checker never imports the writer or its phrase data, so the two keep each other honest.
"""
